// Composes the gateway's test supergraphs (src/test/resources/supergraphs/*.graphql) from the subgraph SDL
// under src/test/resources/subgraphs with the same library and version as the production supergraph, and
// checks (--check, the default, what the build runs) or rewrites (--write) them. The list is
// src/test/resources/supergraphs/test-supergraphs.json: supergraph name -> subgraph name -> SDL path
// (relative to src/test/resources); every subgraph gets the URL http://localhost:4001/<name>, which
// tests replace with their stub subgraphs' URLs.
//
// Usage: node compose-tests.mjs [--check | --write] [name ...]
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "graphql";
import { composeServices, compositionHasErrors } from "@theguild/federation-composition";

const here = dirname(fileURLToPath(import.meta.url));
const resources = resolve(here, "..", "src", "test", "resources");
const args = process.argv.slice(2);
const mode = args.includes("--write") ? "write" : "check";
const only = args.filter((a) => !a.startsWith("--") && a !== "check" && a !== "write");
const list = JSON.parse(readFileSync(resolve(resources, "supergraphs", "test-supergraphs.json"), "utf8"));

const normalize = (text) =>
  text.replace(/\r\n?/g, "\n").split("\n").map((l) => l.replace(/[ \t]+$/, "")).join("\n").replace(/\s+$/, "") + "\n";

let failures = 0;
for (const [name, subgraphs] of Object.entries(list)) {
  if (only.length > 0 && !only.includes(name)) {
    continue;
  }
  const services = Object.entries(subgraphs).map(([subgraph, path]) => ({
    name: subgraph,
    url: `http://localhost:4001/${subgraph}`,
    typeDefs: parse(readFileSync(resolve(resources, path), "utf8")),
  }));
  const result = composeServices(services);
  const target = resolve(resources, "supergraphs", `${name}.graphql`);
  if (compositionHasErrors(result)) {
    console.error(`[test-supergraphs] ${name}: composition failed:\n` + result.errors.map((e) => `  - ${e.message}`).join("\n"));
    failures++;
    continue;
  }
  const composed = normalize(result.supergraphSdl);
  if (mode === "write") {
    writeFileSync(target, composed);
    console.log(`[test-supergraphs] wrote supergraphs/${name}.graphql`);
  } else if (!existsSync(target) || normalize(readFileSync(target, "utf8")) !== composed) {
    console.error(`[test-supergraphs] supergraphs/${name}.graphql is stale: run node compose-tests.mjs --write ${name}`);
    failures++;
  }
}
if (failures > 0) {
  process.exit(1);
}
console.log(`[test-supergraphs] ${mode === "write" ? "written" : "up to date"}`);
