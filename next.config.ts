import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { API_SECURITY_HEADERS, BASELINE_SECURITY_HEADERS, OAUTH_CALLBACK_PATH } from "./lib/security/response-security-headers";

// Native and wasm database drivers must be loaded by Node at run time, not bundled.
const nativePackages = ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"];

const asList = (headers: Readonly<Record<string, string>>) => Object.entries(headers).map(([key, value]) => ({ key, value }));

export default function nextConfig(phase: string): NextConfig {
  const developing = phase === PHASE_DEVELOPMENT_SERVER;
  return {
    // Separate build folders let e2e runs and a dev server coexist on one checkout.
    distDir: process.env.NEXT_DIST_DIR ?? ".next",
    poweredByHeader: false,
    // e2e builds skip the build-time type check: `npm run typecheck` covers it, and a type error in
    // an unrelated script must not stop the browser tests from building the app.
    typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_SKIP_TYPECHECK === "1" },
    // The domain package @switchboard/lib (lib/) is loaded by Node from node_modules, never bundled:
    // the production server (server/main.ts) imports the very same files, so one process holds
    // one copy of every client, limiter and loop. `next dev` has no such server and compiles lib/
    // from source instead, so edits reload.
    serverExternalPackages: developing ? nativePackages : [...nativePackages, "@switchboard/lib"],
    transpilePackages: developing ? ["@switchboard/lib"] : [],
    turbopack: developing ? { resolveAlias: { "@switchboard/lib/db": "./lib/db/index.ts", "@switchboard/lib/*": "./lib/*.ts" } } : {},
    // Static security headers; a page's CSP (with its nonce) and HSTS come from proxy.ts at run time.
    // When several entries set one header, the last wins: the callback keeps `no-referrer`.
    async headers() {
      return [
        { source: "/:path*", headers: asList(BASELINE_SECURITY_HEADERS) },
        { source: "/api/:path*", headers: asList(API_SECURITY_HEADERS) },
        { source: OAUTH_CALLBACK_PATH, headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      ];
    },
  };
}
