import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Separate build folders let e2e runs and a dev server coexist on one checkout.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // e2e builds skip the build-time type check: `npm run typecheck` covers it, and a type error in
  // an unrelated script must not stop the browser tests from building the app.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_SKIP_TYPECHECK === "1" },
  // Native and wasm database drivers must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "@hubspot/api-client"],
};

export default nextConfig;
