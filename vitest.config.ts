// Unit and integration tests for the app, the simulator and the tools. Database tests talk to real
// SQLite files and a real PostgreSQL server, hence the generous timeouts.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests configure what they need themselves: no `.env` file in the checkout (a developer's
// DATABASE_URL, say) reaches them or the commands they start (inherited by every worker and child).
// What ignoreEnvFiles() in lib/env/load-env-files.ts does, written out: Vite's config loader is
// to stop accepting imports without a file extension.
process.env.__NEXT_PROCESSED_ENV = "true";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: fileURLToPath(new URL("./", import.meta.url)) },
      // Tests run the domain package from source, as `next dev` does.
      { find: /^@switchboard\/lib\//, replacement: fileURLToPath(new URL("./lib/", import.meta.url)) },
    ],
  },
  test: {
    environment: "node",
    include: ["tests/**/*.test.ts", "simulator/tests/**/*.test.ts", "tools/**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next*/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores shared with a Next build: a few forks at a time keeps DB tests from timing out.
    maxWorkers: 2,
    // next-auth imports "next/server" without an extension, which Node's ESM loader refuses; let
    // Vite resolve it (tests drive Auth.js's real endpoints, e.g. tests/auth/session-end.test.ts).
    server: { deps: { inline: ["next-auth"] } },
  },
});
