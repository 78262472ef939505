// Password hashing with bcrypt (cost 12: ~250 ms here, slow enough to hurt offline guessing).
import bcrypt from "bcryptjs";

export const BCRYPT_COST = 12;

// A cost-12 hash of a random value nobody knows. Verifying against it when the email is unknown
// makes a miss take as long as a wrong password, so response time does not reveal accounts.
export const DUMMY_PASSWORD_HASH = "$2b$12$7/DGIqGsWgu6nGtJGyNzbOFpLiFXAhae9.F7esZxxFjn/wDvDtF5y";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

/** False for a wrong password and for an account without one (single sign-on only), in equal time. */
export async function verifyPassword(password: string, passwordHash: string | null): Promise<boolean> {
  try {
    if (passwordHash === null) {
      await bcrypt.compare(password, DUMMY_PASSWORD_HASH);
      return false;
    }
    return await bcrypt.compare(password, passwordHash);
  } catch {
    // A corrupt stored hash must read as "wrong password", not as a server error.
    return false;
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
