// Composes the subgraph SDL files committed by the services into the gateway's supergraph with
// @theguild/federation-composition, then either checks the committed supergraph against it
// (--check, the default, what the build runs) or rewrites it (--write).
//
// Usage: node compose.mjs [--check | --write] [--config subgraphs.json]
//                         [--sdl name=path ...] [--url name=url ...] [--supergraph path]
// Paths in the config are relative to the config file; paths on the command line are relative to
// the current directory. --sdl/--url override one subgraph of the config (handy to try an SDL
// before the service commits it).
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "graphql";
import { composeServices, compositionHasErrors } from "@theguild/federation-composition";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..", "..");
const REFRESH_COMMAND = "./mvnw -pl gateway generate-resources -Dlodestone.compose=write";

function fail(message) {
  console.error(`[supergraph] ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { mode: "check", config: resolve(here, "subgraphs.json"), sdl: {}, url: {}, supergraph: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) {
        fail(`missing value after ${arg}`);
      }
      return argv[++i];
    };
    const pair = (text) => {
      const at = text.indexOf("=");
      if (at <= 0) {
        fail(`expected name=value after ${arg}, got "${text}"`);
      }
      return [text.slice(0, at), text.slice(at + 1)];
    };
    switch (arg) {
      case "--check":
        options.mode = "check";
        break;
      case "--write":
        options.mode = "write";
        break;
      case "--mode": {
        // Lets the Maven property pass "check" or "write" through unchanged.
        const mode = value();
        if (mode !== "check" && mode !== "write") {
          fail(`--mode must be check or write, got "${mode}"`);
        }
        options.mode = mode;
        break;
      }
      case "--config":
        options.config = resolve(value());
        break;
      case "--supergraph":
        options.supergraph = resolve(value());
        break;
      case "--sdl": {
        const [name, path] = pair(value());
        options.sdl[name] = resolve(path);
        break;
      }
      case "--url": {
        const [name, url] = pair(value());
        options.url[name] = url;
        break;
      }
      case "--help":
      case "-h":
        console.log(readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").slice(0, 9).join("\n"));
        process.exit(0);
        break;
      default:
        fail(`unknown argument "${arg}" (try --help)`);
    }
  }
  return options;
}

function display(path) {
  const rel = relative(repoRoot, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

function loadSubgraphs(options) {
  const config = JSON.parse(readFileSync(options.config, "utf8"));
  const configDir = dirname(options.config);
  const names = new Set(config.subgraphs.map((s) => s.name));
  for (const name of [...Object.keys(options.sdl), ...Object.keys(options.url)]) {
    if (!names.has(name)) {
      fail(`unknown subgraph "${name}" (configured: ${[...names].join(", ")})`);
    }
  }
  const subgraphs = config.subgraphs.map((s) => ({
    name: s.name,
    url: options.url[s.name] ?? s.url,
    sdlPath: options.sdl[s.name] ?? resolve(configDir, s.sdl),
  }));
  const supergraphPath = options.supergraph ?? resolve(configDir, config.supergraph);
  // Kustomize only reads files inside its root, so the Kubernetes base keeps a copy; --write refreshes it too
  // (deploy/kubernetes has a test that fails when the copy drifts).
  const copies = options.supergraph ? [] : (config.copies ?? []).map((c) => resolve(configDir, c));
  return { subgraphs, supergraphPath, copies };
}

function readServices(subgraphs) {
  const missing = subgraphs.filter((s) => !existsSync(s.sdlPath));
  if (missing.length > 0) {
    fail(
      "subgraph SDL file(s) missing:\n" +
        missing.map((s) => `  ${s.name}: ${display(s.sdlPath)}`).join("\n") +
        "\nEach service commits its served SDL as <service>/subgraph.graphql " +
        "(./mvnw -pl <service> verify -Dlodestone.update-sdl=true); " +
        "-Dlodestone.compose.skip=true builds the gateway without this step."
    );
  }
  return subgraphs.map((s) => {
    const text = readFileSync(s.sdlPath, "utf8");
    try {
      return { name: s.name, url: s.url, typeDefs: parse(text) };
    } catch (error) {
      fail(`cannot parse ${display(s.sdlPath)} (subgraph ${s.name}): ${error.message}`);
    }
  });
}

function describeError(error) {
  const code = error.extensions?.code ? `[${error.extensions.code}] ` : "";
  return `  - ${code}${error.message}`;
}

// Only line endings and trailing whitespace are ignored; everything else must match exactly.
function normalize(text) {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\s+$/, "");
}

function firstDifference(expected, actual) {
  const a = expected.split("\n");
  const b = actual.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return `first difference at line ${i + 1}:\n  composed:  ${a[i] ?? "<end of file>"}\n  committed: ${b[i] ?? "<end of file>"}`;
    }
  }
  return "";
}

const options = parseArgs(process.argv.slice(2));
const { subgraphs, supergraphPath, copies } = loadSubgraphs(options);
const services = readServices(subgraphs);
const result = composeServices(services);

if (compositionHasErrors(result)) {
  fail(
    `composition failed with ${result.errors.length} error(s):\n` +
      result.errors.map(describeError).join("\n") +
      "\nFix the subgraph named in the error (its served SDL), refresh its subgraph.graphql, then recompose."
  );
}

const composed = normalize(result.supergraphSdl) + "\n";
const sources = subgraphs.map((s) => `${s.name}=${display(s.sdlPath)}`).join(", ");

if (options.mode === "write") {
  writeFileSync(supergraphPath, composed);
  console.log(`[supergraph] composed ${sources}\n[supergraph] wrote ${display(supergraphPath)}`);
  for (const copy of copies) {
    writeFileSync(copy, composed);
    console.log(`[supergraph] wrote the copy ${display(copy)}`);
  }
  process.exit(0);
}

if (!existsSync(supergraphPath)) {
  fail(`supergraph ${display(supergraphPath)} does not exist: run ${REFRESH_COMMAND}`);
}
const committed = normalize(readFileSync(supergraphPath, "utf8")) + "\n";
if (committed !== composed) {
  fail(
    `supergraph is stale: ${display(supergraphPath)} differs from the composition of ${sources}\n` +
      firstDifference(composed, committed) +
      `\nrun ${REFRESH_COMMAND} and commit the result`
  );
}
console.log(`[supergraph] ${display(supergraphPath)} is up to date with ${sources}`);
