import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Separate build folders let e2e runs and a dev server coexist on one checkout.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Native and wasm database drivers must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "@hubspot/api-client"],
};

export default nextConfig;
