// Runs `npm ci` only when node_modules does not already hold exactly the versions pinned in
// package-lock.json, so repeated Maven builds do not reinstall (npm ci always wipes node_modules).
// Uses the node/npm found on PATH; nothing else is downloaded besides the locked npm packages.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
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
  console.log("[supergraph] node_modules matches package-lock.json; skipping npm ci");
  process.exit(0);
}

const args = ["ci", "--no-audit", "--no-fund", "--prefer-offline"];
console.log(`[supergraph] npm ${args.join(" ")}`);
// npm is a .cmd script on Windows, which spawn can only start through a shell.
const result = spawnSync("npm", args, { cwd: here, stdio: "inherit", shell: process.platform === "win32" });
if (result.error) {
  console.error(`[supergraph] could not run npm: ${result.error.message} (node and npm must be on PATH)`);
  process.exit(1);
}
process.exit(result.status ?? 1);
