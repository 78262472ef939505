// The email + password provider. next-auth calls `authorize` for both our server action and direct
// POSTs to /api/auth/callback/credentials, so every check lives here, not in the form.
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { AppError } from "@switchboard/lib/app-error";
import type { Db } from "@switchboard/lib/db/create-client";
import { authenticateWithPassword } from "@switchboard/lib/auth/authenticate";
import { clientIpFrom } from "@switchboard/lib/http/client-ip";

/** Carries "throttled" to the sign-in form so it can say why, without revealing anything else. */
export class ThrottledSignin extends CredentialsSignin {
  override code = "throttled";
}

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

export function credentialsProvider(getDb: () => Db) {
  return Credentials({
    credentials: {
      email: { label: "Email", type: "email" },
      password: { label: "Password", type: "password" },
    },
    async authorize(credentials, request) {
      const parsed = credentialsSchema.safeParse(credentials);
      if (!parsed.success) return null;
      try {
        return await authenticateWithPassword(getDb(), {
          email: parsed.data.email,
          password: parsed.data.password,
          ip: clientIpFrom(request.headers),
        });
      } catch (error) {
        // next-auth speaks its own errors: "throttled" as a code, a wrong password as null.
        if (error instanceof AppError && error.code === "rate_limited") throw new ThrottledSignin();
        if (error instanceof AppError && error.code === "unauthenticated") return null;
        throw error;
      }
    },
  });
}
