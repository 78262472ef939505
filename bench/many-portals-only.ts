// `npx tsx bench/many-portals-only.ts [sqlite|postgresql] [workers] [portals] [perPortal]` — the
// multi-portal sync bench on its own, for profiling (BENCH_CPU_PROF=1 runs workers with --cpu-prof;
// BENCH_PROFILE_TO=file profiles the in-process worker). BENCH_WARM=1 starts the workers before the
// signups arrive, BENCH_BACKLOG=n adds a portal with an n-signup backlog (as the small part does).
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
  warmStart: process.env.BENCH_WARM === "1",
  ...(process.env.BENCH_BACKLOG ? { backlog: { perPortal: Number(process.env.BENCH_BACKLOG), leadMs: 3_000 } } : {}),
});
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
process.exit(0);
