// `npm run demo`: the whole product on one machine with nothing configured — the embedded SQLite
// database (migrated and seeded), the local HubSpot simulator, and a production build of the app
// with the signup sync running in-process. Real HubSpot is used instead when HUBSPOT_CLIENT_ID is set.
import { startSimulator } from "@/simulator/src/server";
import { resolveDatabaseUrl } from "@switchboard/lib/db/database-url";
import { loadOrCreateDevSecrets } from "@switchboard/lib/env/dev-secrets";
import { ignoreEnvFiles } from "@switchboard/lib/env/load-env-files";
import { mailboxLink } from "@switchboard/lib/mail/mailbox-token";
import { run } from "./lib/run";
import { demoDistDir } from "./lib/build-dirs";
import { demoListenHost } from "./lib/demo-listen-host";
import { startAppServer } from "./lib/start-app-server";
import { prepareDemoDatabase } from "./lib/prepare-demo-database";

const appPort = Number(process.env.PORT ?? 3000);
const simPort = Number(process.env.HUBSPOT_SIM_PORT ?? 4010);
const appUrl = process.env.APP_URL ?? `http://localhost:${appPort}`;
const databaseUrl = resolveDatabaseUrl(process.env.DATABASE_URL);
const useSimulator = !process.env.HUBSPOT_CLIENT_ID;

async function main(): Promise<void> {
  // The demo configures everything it starts; a developer's `.env` (another database, SYNC_IN_PROCESS=false,
  // a real SMTP server) must not change it. Set variables in the shell instead.
  ignoreEnvFiles();
  const secrets = loadOrCreateDevSecrets();
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "production",
    DEMO_MODE: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    // `npm test` type-checks; the demo build need not spend a minute doing it again.
    NEXT_BUILD_SKIP_TYPECHECK: "1",
    // Its own build folder: `npm test` in the same checkout builds elsewhere (scripts/lib/build-dirs.ts).
    NEXT_DIST_DIR: demoDistDir(process.env),
    DATABASE_URL: databaseUrl,
    HOST: demoListenHost(process.env),
    APP_URL: appUrl,
    AUTH_URL: appUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? secrets.AUTH_SECRET,
    TOKEN_ENCRYPTION_KEYS: process.env.TOKEN_ENCRYPTION_KEYS ?? secrets.TOKEN_ENCRYPTION_KEYS,
  };

  console.log(`Preparing the database (${describeDatabase(databaseUrl)})…`);
  await prepareDemoDatabase(databaseUrl);

  if (useSimulator) {
    const simulator = await startSimulator({
      port: simPort,
      redirectUris: [`${appUrl}/api/integrations/hubspot/callback`],
    });
    Object.assign(env, {
      HUBSPOT_CLIENT_ID: "switchboard-local",
      HUBSPOT_CLIENT_SECRET: "switchboard-local-secret",
      HUBSPOT_AUTH_BASE_URL: simulator.url,
      HUBSPOT_API_BASE_URL: simulator.url,
    });
    console.log(`HubSpot simulator: ${simulator.url}`);
  }

  console.log("Building the app (first run takes about a minute)…");
  if ((await run("npm", ["run", "build"], env)) !== 0) throw new Error("npm run build failed");
  const code = await startAppServer({ port: appPort, env, onReady: () => printWelcome(env.AUTH_SECRET as string) });
  process.exit(code);
}

/** Where the data lives, without credentials: a postgres:// URL may carry a password. */
function describeDatabase(url: string): string {
  if (url.startsWith("file:")) return url.split("?")[0] ?? url;
  const parsed = new URL(url);
  return `PostgreSQL ${parsed.host}${parsed.pathname}`;
}

function printWelcome(authSecret: string): void {
  const password = process.env.SEED_PASSWORD ?? "switchboard-demo";
  console.log(`
  Switchboard is running at ${appUrl}
  Sign in as admin@contoso.test, admin@fabrikam.test or member@contoso.test — password "${password}" (demo only).
  Public signup form: ${appUrl}/subscribe/contoso
  Mail (invitations, password resets) is not sent in the demo; read it at (the token is the key, keep it private)
    ${mailboxLink(appUrl, authSecret)}
  Add a tenant: npm run admin -- tenant create --name "Acme" --slug acme --owner you@acme.test
  Press Ctrl+C to stop.
`);
}

main().catch((error: unknown) => {
  console.error(`demo: ${(error as Error).message}`);
  process.exit(1);
});
