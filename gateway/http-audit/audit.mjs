// Runs the graphql-http GraphQL-over-HTTP audit (every MUST, SHOULD and MAY check of the spec) against
// a running gateway and prints the results as one JSON array on stdout: [{id, name, status, reason}].
// The gateway requires a bearer token on every request: pass it in LODESTONE_AUDIT_TOKEN.
//
// Usage: LODESTONE_AUDIT_TOKEN=... node audit.mjs http://localhost:8080/graphql
import { auditServer } from "graphql-http";

const url = process.argv[2];
const token = process.env.LODESTONE_AUDIT_TOKEN;
if (!url || !token) {
  console.error("usage: LODESTONE_AUDIT_TOKEN=<bearer token> node audit.mjs <graphql url>");
  process.exit(2);
}

const withToken = (input, init = {}) => {
  const headers = new Headers(init.headers ?? {});
  headers.set("authorization", `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};

const results = await auditServer({ url, fetchFn: withToken });
console.log(JSON.stringify(results.map((r) => ({ id: r.id, name: r.name, status: r.status, reason: r.reason ?? null }))));
