// Where each way of running the app builds Next.js. A build replaces its folder's chunks, so two
// of them sharing one folder break each other: `npm test` once rebuilt `.next` under a running
// `npm run demo`, and every script chunk of the demo answered 500. NEXT_DIST_DIR still overrides.
export const DEMO_DIST_DIR = ".next";
export const E2E_DIST_DIR = ".next-e2e";

export function demoDistDir(env: Record<string, string | undefined>): string {
  return env.NEXT_DIST_DIR?.trim() || DEMO_DIST_DIR;
}

export function e2eDistDir(env: Record<string, string | undefined>): string {
  return env.NEXT_DIST_DIR?.trim() || E2E_DIST_DIR;
}
