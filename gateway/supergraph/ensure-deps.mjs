// Runs `npm ci` only when node_modules does not already hold exactly the versions pinned in
// package-lock.json, so repeated Maven builds do not reinstall (npm ci always wipes node_modules).
// Uses the node/npm found on PATH; nothing else is downloaded besides the locked npm packages.
// `--dir <path>` installs another npm project of the module (e.g. ../http-audit) instead of this one.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const dirArg = process.argv.indexOf("--dir");
const here = dirArg >= 0 ? resolve(process.argv[dirArg + 1]) : dirname(fileURLToPath(import.meta.url));
const label = `[${basename(here)}]`;
const force = process.argv.includes("--force");

function installedMatchesLock() {
  const lock = JSON.parse(readFileSync(join(here, "package-lock.json"), "utf8"));
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    // "" is the project itself; optional packages for other platforms may legitimately be absent.
    if (path === "" || entry.optional) {
      continue;
    }
    const manifest = join(here, path, "package.json");
    if (!existsSync(manifest)) {
      return false;
    }
    if (JSON.parse(readFileSync(manifest, "utf8")).version !== entry.version) {
      return false;
    }
  }
  return true;
}

if (!force && installedMatchesLock()) {
  console.log(`${label} node_modules matches package-lock.json; skipping npm ci`);
  process.exit(0);
}

const args = ["ci", "--no-audit", "--no-fund", "--prefer-offline"];
console.log(`${label} npm ${args.join(" ")}`);
// npm is a .cmd script on Windows, which spawn can only start through a shell.
const result = spawnSync("npm", args, { cwd: here, stdio: "inherit", shell: process.platform === "win32" });
if (result.error) {
  console.error(`${label} could not run npm: ${result.error.message} (node and npm must be on PATH)`);
  process.exit(1);
}
process.exit(result.status ?? 1);
