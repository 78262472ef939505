// First step of `npm run demo` and `npm test` on a fresh clone: plain Node with no packages, so it
// can run before anything is installed. Checks the Node version and installs the locked
// dependencies when node_modules is missing or older than the lockfile.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`Switchboard needs Node.js 22.12 or newer, e.g. 24 LTS (found ${process.versions.node}).`);
  process.exit(1);
}

const marker = "node_modules/.package-lock.json";
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync("package-lock.json").mtimeMs;
if (stale) {
  console.log("Installing dependencies (npm ci)…");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: "inherit", shell: process.platform === "win32" });
  process.exit(result.status ?? 1);
}
// node_modules from before lib/ became a package (npm ci builds it in postinstall).
if (!existsSync("node_modules/@switchboard/lib/package.json")) {
  const result = spawnSync("npm", ["run", "build:lib"], { stdio: "inherit", shell: process.platform === "win32" });
  process.exit(result.status ?? 1);
}
