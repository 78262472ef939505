// Where `npm run demo` listens. The demo runs with generated secrets and seeded passwords that are
// printed on screen, so it is reachable from this machine only unless HOST says otherwise.
export const DEMO_DEFAULT_HOST = "127.0.0.1";

export function demoListenHost(env: Record<string, string | undefined>): string {
  return env.HOST?.trim() || DEMO_DEFAULT_HOST;
}
