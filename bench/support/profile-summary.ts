// Where a CPU profile's time went: `npx tsx bench/support/profile-summary.ts file.cpuprofile [top]`
// prints self time per function and per source (a package, or a file of our own), and inclusive
// time per function (each function counted once per sample, however deep it recurses). Reads the
// .cpuprofile JSON that --cpu-prof and bench/many-portals' profileTo write.
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [path, topArg = "30"] = process.argv.slice(2);
if (!path) throw new Error("usage: profile-summary.ts file.cpuprofile [top]");
const top = Number(topArg);
const profile = JSON.parse(readFileSync(path, "utf8")) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

function shortUrl(url: string): string {
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) return url.slice(modules + "node_modules/".length);
  const work = url.indexOf("/lib/");
  return work >= 0 ? url.slice(work + 1) : url.replace(/^file:\/\//, "");
}
function frameKey(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || "(anonymous)"} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ""}`.trim();
}
function sourceKey(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const short = shortUrl(url);
  if (url.includes("node_modules/")) {
    const parts = short.split("/");
    return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  return short.startsWith("node:") ? "node:internal" : short;
}

const self = new Map<string, number>();
const bySource = new Map<string, number>();
const inclusive = new Map<string, number>();
// Each sample charged to the innermost frame of our own code (lib/, bench/, server/, scripts/).
const nearestOwn = new Map<string, number>();
const isOwn = (node: ProfileNode) =>
  /\/(lib|bench|server|scripts)\//.test(node.callFrame.url) && !node.callFrame.url.includes("node_modules/");
let total = 0;
profile.samples.forEach((sample, index) => {
  const delta = (profile.timeDeltas[index] ?? 0) / 1000;
  total += delta;
  const leaf = byId.get(sample);
  if (!leaf) return;
  self.set(frameKey(leaf), (self.get(frameKey(leaf)) ?? 0) + delta);
  bySource.set(sourceKey(leaf), (bySource.get(sourceKey(leaf)) ?? 0) + delta);
  let own: string | undefined;
  for (let id: number | undefined = sample; id !== undefined && !own; id = parentOf.get(id)) {
    const node = byId.get(id)!;
    if (isOwn(node)) own = frameKey(node);
  }
  nearestOwn.set(own ?? "(no frame of ours)", (nearestOwn.get(own ?? "(no frame of ours)") ?? 0) + delta);
  const seen = new Set<string>();
  for (let id: number | undefined = sample; id !== undefined; id = parentOf.get(id)) {
    const key = frameKey(byId.get(id)!);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + delta);
  }
});

function print(title: string, map: Map<string, number>, count = top): void {
  process.stdout.write(`\n${title}\n`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    process.stdout.write(`${ms.toFixed(0).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${key}\n`);
  }
}
const idle = (self.get("(idle)") ?? 0) + (self.get("(program)") ?? 0);
process.stdout.write(`total ${total.toFixed(0)} ms sampled; (idle)+(program) ${idle.toFixed(0)} ms\n`);
print("self time by source", bySource, top);
print("self time by function", self, top);
print("inclusive time by function", inclusive, top * 2);
print("time by innermost function of ours", nearestOwn, top);
print("inclusive time by function of ours", new Map([...inclusive].filter(([key]) => /^\S+ (lib|bench|server|scripts)\//.test(key))), top);
