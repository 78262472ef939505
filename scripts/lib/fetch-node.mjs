// A Node.js new enough for Switchboard on machines whose own is older (Debian's packaged Node is 20,
// end of life). The npm registry serves Node itself: the node-<os>-<cpu> packages hold the binary
// AND its headers, so the native SQLite driver compiles against the Node that will load it. Plain
// Node with no dependencies: it runs before anything is installed, on the old Node.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { delimiter, join, relative } from "node:path";

/** The Node fetched when the machine's is too old; the same one .ci/run installs. */
export const FETCHED_NODE_VERSION = "24.22.3";

export function isSupportedNode(version = process.versions.node) {
  const [major, minor] = version.split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/** The registry package for this machine, or undefined where none is published. */
export function nodePackageName(platform = process.platform, arch = process.arch) {
  const os = { linux: "linux", darwin: "darwin", win32: "win" }[platform];
  const cpu = { x64: "x64", arm64: "arm64" }[arch];
  return os && cpu ? `node-${os}-${cpu}` : undefined;
}

/**
 * Returns the environment that puts the cached Node first on PATH (fetching it on first use into
 * .cache/node/<version>) with npm_config_nodedir at its headers. Throws one line saying why not.
 */
export function fetchedNodeEnv(projectDir) {
  const cacheDir = join(projectDir, ".cache", "node");
  const home = join(cacheDir, FETCHED_NODE_VERSION);
  const shown = relative(projectDir, home);
  const found = process.versions.node;
  if (existsSync(join(home, "bin", executable()))) {
    console.log(`Node ${found} is older than 22.12: using Node ${FETCHED_NODE_VERSION} from ${shown}.`);
  } else {
    const name = nodePackageName();
    if (!name)
      stop(
        `Switchboard needs Node.js 22.12 or newer (found ${found}), and the npm registry has no Node for ${process.platform}-${process.arch}: install Node 24 LTS (https://nodejs.org).`,
      );
    console.log(`Node ${found} is older than 22.12: fetching Node ${FETCHED_NODE_VERSION} from the npm registry (${name}) into ${shown}…`);
    mkdirSync(cacheDir, { recursive: true });
    unpackInto(home, name, mkdtempSync(join(cacheDir, `.download-${FETCHED_NODE_VERSION}-`)));
  }
  const pathKey = Object.keys(process.env).find((key) => key.toUpperCase() === "PATH") ?? "PATH";
  return {
    ...process.env,
    [pathKey]: `${join(home, "bin")}${delimiter}${process.env[pathKey] ?? ""}`,
    // ~/.npmrc may name another Node's headers (here: nodedir=/usr, Node 20's); a native module built
    // against them installs "fine" and then refuses to load.
    npm_config_nodedir: home,
  };
}

// Unpacked in a scratch folder and renamed into place, so a broken download is never taken for a Node.
function unpackInto(home, name, scratch) {
  try {
    const pack = spawnSync("npm", ["pack", "--silent", `${name}@${FETCHED_NODE_VERSION}`], {
      cwd: scratch,
      encoding: "utf8",
      shell: process.platform === "win32",
    });
    if (pack.status !== 0) {
      stop(
        `Switchboard needs Node.js 22.12 or newer (found ${process.versions.node}), and \`npm pack ${name}@${FETCHED_NODE_VERSION}\` failed (${firstLine(pack.stderr)}): install Node 24 LTS (https://nodejs.org).`,
      );
    }
    const tarball = pack.stdout.trim().split(/\r?\n/).pop();
    const untar = spawnSync("tar", ["xzf", tarball], { cwd: scratch, encoding: "utf8" });
    if (untar.status !== 0) stop(`Could not unpack ${tarball}: ${firstLine(untar.stderr)}`);
    try {
      renameSync(join(scratch, "package"), home);
    } catch (error) {
      // Another command fetched the same Node at the same moment: theirs is as good as ours.
      if (!existsSync(join(home, "bin", executable()))) throw error;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function executable() {
  return process.platform === "win32" ? "node.exe" : "node";
}

function firstLine(text) {
  return (
    (text ?? "")
      .trim()
      .split(/\r?\n/)
      .find((line) => line.trim() !== "")
      ?.replace(/^npm error /, "") ?? "no output"
  );
}

function stop(line) {
  throw new Error(line);
}
