// The app's next-auth instance. Configured lazily so that `next build` never needs the secrets and
// a production server reads them from the validated config at request time.
import NextAuth from "next-auth";
import { db, processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { appAuthConfig } from "./app-auth-config";

export const { handlers, auth, signIn, signOut } = NextAuth(() => appAuthConfig(processRuntime().env, () => db));
