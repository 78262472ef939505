// `npm run demo` and `npm test` start here: `node scripts/ensure-deps.mjs <command…>` makes a fresh
// clone runnable, then runs the command. Plain Node with no packages, so it runs before anything is
// installed and on a Node too old for the project (then it fetches one: scripts/lib/fetch-node.mjs).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fetchedNodeEnv, isSupportedNode } from "./lib/fetch-node.mjs";

const projectDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const onWindows = process.platform === "win32";
const command = process.argv.slice(2);

// Every step below runs with `env`: npm, node-gyp and the command all find the chosen Node first.
let env = process.env;
try {
  if (!isSupportedNode()) env = fetchedNodeEnv(projectDir);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

// npm is a .cmd script on Windows, which only a shell runs.
const step = (program, args) => spawnSync(program, args, { cwd: projectDir, env, stdio: "inherit", shell: onWindows }).status === 0;

const marker = join(projectDir, "node_modules", ".package-lock.json");
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync(join(projectDir, "package-lock.json")).mtimeMs;
if (stale) {
  console.log("Installing dependencies (npm ci)…");
  if (!step("npm", ["ci", "--no-audit", "--no-fund"])) process.exit(1);
} else if (!nativeDriverLoads()) {
  // node_modules installed under another Node (another ABI): the SQLite driver must be recompiled.
  console.log(`Rebuilding the SQLite driver for Node ${nodeVersion()} (node_modules was built by another Node)…`);
  if (!step("npm", ["rebuild", "better-sqlite3"]) || !nativeDriverLoads()) process.exit(1);
}
// node_modules from before lib/ became a package (npm ci builds it in postinstall).
if (!existsSync(join(projectDir, "node_modules", "@switchboard", "lib", "package.json")) && !step("npm", ["run", "build:lib"]))
  process.exit(1);

if (command.length > 0) runCommand(command);

function nativeDriverLoads() {
  const probe = "new (require('better-sqlite3'))(':memory:').close()";
  return spawnSync("node", ["-e", probe], { cwd: projectDir, env, stdio: "ignore" }).status === 0;
}

function nodeVersion() {
  return spawnSync("node", ["--version"], { env, encoding: "utf8" }).stdout.trim();
}

// The command's exit code is ours. Ctrl+C already reaches the command (same terminal process
// group), so we only wait for it; a SIGTERM sent to us alone is passed on.
function runCommand([program, ...args]) {
  const child = spawn(program, args, { cwd: projectDir, env, stdio: "inherit", shell: onWindows });
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  child.on("error", (error) => {
    console.error(`${program}: ${error.message}`);
    process.exit(127);
  });
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
}
