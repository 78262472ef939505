// The app's next-auth instance. Configured lazily so that `next build` never needs the secrets and
// a production server reads them from the validated config at request time.
import NextAuth from "next-auth";
import { db } from "@switchboard/lib/db";
import { serverEnv } from "@switchboard/lib/env/server";
import { baseAuthConfig } from "./auth-config";
import { credentialsProvider } from "./credentials-provider";

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const base = baseAuthConfig(serverEnv());
  return { ...base, providers: [credentialsProvider(() => db)] };
});
