// `npx tsx bench/many-portals-only.ts [sqlite|postgresql] [workers] [portals] [perPortal]` — the
// multi-portal sync bench on its own, for profiling (BENCH_CPU_PROF=1 runs workers with --cpu-prof).
import { benchManyPortals } from "./many-portals";

const [provider = "sqlite", workers = "1", portals = "50", perPortal = "4000"] = process.argv.slice(2);
const result = await benchManyPortals({
  provider: provider === "postgresql" ? "postgresql" : "sqlite",
  workers: Number(workers),
  portals: Number(portals),
  perPortal: Number(perPortal),
  limitSeconds: Number(process.env.BENCH_LIMIT_SECONDS ?? 90),
  workerNodeArgs: process.env.BENCH_CPU_PROF === "1" ? ["--cpu-prof", "--cpu-prof-dir=bench/results/profiles"] : undefined,
  profileTo: process.env.BENCH_PROFILE_TO,
});
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
process.exit(0);
