// Password hashing with bcrypt (cost 12: ~250 ms here, slow enough to hurt offline guessing).
import bcrypt from "bcryptjs";

export const BCRYPT_COST = 12;

// A cost-12 hash of a random value nobody knows. Verifying against it when the email is unknown
// makes a miss take as long as a wrong password, so response time does not reveal accounts.
export const DUMMY_PASSWORD_HASH = "$2b$12$7/DGIqGsWgu6nGtJGyNzbOFpLiFXAhae9.F7esZxxFjn/wDvDtF5y";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export async function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  try {
    return await bcrypt.compare(password, passwordHash);
  } catch {
    // A corrupt stored hash must read as "wrong password", not as a server error.
    return false;
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
