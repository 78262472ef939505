// First step of `npm run demo` and `npm test` on a fresh clone: plain Node with no packages, so it
// can run before anything is installed. Checks the Node version and installs the locked
// dependencies when node_modules is missing or older than the lockfile.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Switchboard needs Node.js 20.19 or newer (found ${process.versions.node}).`);
  process.exit(1);
}

const marker = "node_modules/.package-lock.json";
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync("package-lock.json").mtimeMs;
if (stale) {
  console.log("Installing dependencies (npm ci)…");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: "inherit", shell: process.platform === "win32" });
  process.exit(result.status ?? 1);
}
