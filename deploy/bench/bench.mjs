// Side-by-side benchmark: the Lodestone gateway, Apollo Gateway and Hive Gateway, one after another, over the
// same subgraphs and the same committed supergraph, with the same requests at the same concurrency.
//
// 1. boots PostgreSQL, Keycloak and the three services with the local-stack launcher (own data directory and ports);
// 2. fetches real Keycloak tokens for several demo users;
// 3. end to end: the Lodestone gateway straight on the real subgraphs (subgraph CPU per request);
// 4. gateway alone: each gateway behind-the-scenes talks to a memoizing stand-in (standin.mjs) that replays the
//    real subgraphs' recorded answers, so only the gateway's own cost is measured;
// 5. prints one Markdown report (also written to target/bench/report.md).
//
// Settings (environment): BENCH_DURATION (s, 15), BENCH_WARMUP (s, 5), BENCH_CONNECTIONS (50),
// BENCH_E2E_CONNECTIONS (10), BENCH_LOAD (wrk or autocannon), BENCH_GATEWAYS (lodestone,apollo,hive), BENCH_E2E (1; 0 skips the end-to-end part),
// BENCH_KEEP_STACK (1: leave the stack running for the next run, which reuses it), LODESTONE_GATEWAY_JAVA_OPTS
// (JVM options of the Lodestone gateway), BENCH_JFR (a .jfr file: record the
// Lodestone gateway's gateway-alone runs with Java Flight Recorder).
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, loadavg } from 'node:os';
import { createPublicKey, createSign, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { QUERIES, USERS, REPEATED, variedPairs } from './queries.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const OUT = path.join(HERE, 'target', 'bench');
const SUPERGRAPH = path.join(ROOT, 'gateway/src/main/resources/supergraph.graphql');
const env = process.env;
const DURATION = Number(env.BENCH_DURATION ?? 15);
const WARMUP = Number(env.BENCH_WARMUP ?? 5);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 50);
const E2E_CONNECTIONS = Number(env.BENCH_E2E_CONNECTIONS ?? 10);
const GATEWAYS = (env.BENCH_GATEWAYS ?? 'lodestone,apollo,hive').split(',').map((g) => g.trim()).filter(Boolean);
// -Xmn96m: with the young generation the small initial heap gives (about 21 MB), the varied scenario ran some 30
// young collections a second, each promoting answers still in flight, so the old generation filled and was collected
// in full every second or two; the collector took about a third of the gateway's CPU. A pod's heap starts at 25 % of
// its 768 Mi limit, so its young generation is already larger than this.
const GATEWAY_JAVA_OPTS = (env.LODESTONE_GATEWAY_JAVA_OPTS ?? '-Xms64m -Xmx160m -Xmn96m -XX:+UseSerialGC -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m -Xss512k')
  .split(/\s+/).filter(Boolean);
// The services as the local-stack launcher starts them (LocalStack.serviceJvmOptions).
const SERVICE_JAVA_OPTS = (env.LODESTONE_SERVICE_JAVA_OPTS ?? '-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1')
  .split(/\s+/).filter(Boolean);
const MODE = env.BENCH_MODE ?? 'gateways';
// The load generator: wrk (C, little CPU per request) or autocannon (Node). Either shares the machine's cores with
// the gateway under test; the report gives its CPU per request.
const LOAD = env.BENCH_LOAD ?? 'wrk';
if (!['wrk', 'autocannon'].includes(LOAD)) throw new Error(`BENCH_LOAD must be wrk or autocannon, not ${LOAD}`);
const REQUESTS = Number(env.BENCH_REQUESTS ?? 300);
// One connection by default: concurrent identical requests would share subgraph fetches (in-flight deduplication).
const SUBGRAPH_CPU_CONNECTIONS = Number(env.BENCH_SUBGRAPH_CPU_CONNECTIONS ?? 1);
const IDLE_SECONDS = 10;
// subgraph-cpu mode: seconds of every query in turn before anything is measured, so that the services' JIT
// compilers have settled (their compile time counts as the services' CPU).
const SUBGRAPH_CPU_WARMUP = Number(env.BENCH_SUBGRAPH_CPU_WARMUP ?? 60);
// BENCH_PORT_OFFSET moves every port (two runs on one machine: offsets at least 400 apart, the ports span 19080-19432).
const OFFSET = Number(env.BENCH_PORT_OFFSET ?? 0);
const PORTS = { postgres: 19432 + OFFSET, keycloak: 19180 + OFFSET, country: 19081 + OFFSET, mineral: 19082 + OFFSET,
  agreement: 19083 + OFFSET, stackGateway: 19080 + OFFSET,
  standin: { country: 19181 + OFFSET, mineral: 19182 + OFFSET, agreement: 19183 + OFFSET },
  standinControl: 19190 + OFFSET, jwks: 19195 + OFFSET, gateway: 19400 + OFFSET };
const SUBGRAPH_PORTS = { country: PORTS.country, mineral: PORTS.mineral, agreement: PORTS.agreement };
const TOKENS = env.BENCH_TOKENS ?? 'test';
const KEYCLOAK_ISSUER = `http://localhost:${PORTS.keycloak}/realms/coalition`;
// The test-token issuer and key pair of deploy/testing (what the services' own tests verify against).
const TEST_ISSUER = 'https://issuer.test.lodestone/realms/coalition';
const TEST_KEYS = path.join(ROOT, 'deploy/testing/src/main/resources');
const ISSUER = TOKENS === 'keycloak' ? KEYCLOAK_ISSUER : TEST_ISSUER;
// The test public key is served as a JWK set over HTTP, as Keycloak serves its keys, so that the services and our
// gateway load and check keys as in the local stack (smallrye-jwt verifies on a worker thread when keys come from a
// URL, on the event loop when they come from a file).
const TEST_KID = 'lodestone-test';
const JWKS = TOKENS === 'keycloak' ? `${KEYCLOAK_ISSUER}/protocol/openid-connect/certs`
  : `http://127.0.0.1:${PORTS.jwks}/certs`;
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

const children = [];
mkdirSync(OUT, { recursive: true });
const log = (...args) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

// ---------- processes ----------

function start(name, command, args, options = {}) {
  const logFile = path.join(OUT, `${name}.log`);
  const out = openSync(logFile, 'w');
  // Straight to a file (no pipe through this process), so a stack kept running outlives this run.
  const child = spawn(command, args, { stdio: ['ignore', out, out], ...options });
  closeSync(out);
  child.logFile = logFile;
  child.label = name;
  children.push(child);
  return child;
}

async function stop(child, signal = 'SIGTERM', waitMs = 60_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), waitMs);
  await exited;
  clearTimeout(timer);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what, check, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`${what} exited (${child.exitCode}); see ${child.logFile}`);
    }
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    await sleep(500);
  }
  throw new Error(`${what} not ready after ${timeoutMs / 1000} s${child ? `; see ${child.logFile}` : ''}`);
}

// ---------- /proc ----------

function descendants(pid) {
  const byParent = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      if (!byParent.has(parent)) byParent.set(parent, []);
      byParent.get(parent).push(Number(entry));
    } catch {
      // gone
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(byParent.get(all[i]) ?? []));
  return all;
}

/** CPU time (ms, user + system) of a process and its descendants. */
/**
 * Milliseconds the JVM's JIT compilers have spent so far (HotSpot's java.ci.totalTime counter, read with jcmd), or NaN
 * when it cannot be read. Compilation during a measured run is charged to the service's CPU like any other work.
 */
function jitMillis(pid) {
  try {
    const counters = execFileSync('jcmd', [String(pid), 'PerfCounter.print'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString();
    const ticks = Number(/^(?:java|sun)\.ci\.totalTime=(\d+)/m.exec(counters)?.[1]);
    const frequency = Number(/^sun\.os\.hrt\.frequency=(\d+)/m.exec(counters)?.[1]);
    return (ticks * 1000) / frequency;
  } catch {
    return NaN;
  }
}

function cpuMillis(pid) {
  let ticks = 0;
  for (const p of descendants(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // gone
    }
  }
  return (ticks * 1000) / CLK_TCK;
}

/** Resident memory (MB) of a process and its descendants. */
function rssMb(pid) {
  let kb = 0;
  for (const p of descendants(pid)) {
    try {
      const match = readFileSync(`/proc/${p}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
      if (match) kb += Number(match[1]);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

// ---------- HTTP ----------

async function post(url, body, headers = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body) });
  return { status: response.status, json: await response.json().catch(() => null) };
}

/** A token shaped like Keycloak's for the coalition realm, signed with the test key (BENCH_TOKENS=test). */
function testToken(user) {
  const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const roles = user === 'coalition-admin' ? ['admin'] : user === 'coalition-analyst' ? ['analyst'] : ['member'];
  const claims = { iss: TEST_ISSUER, aud: 'lodestone-api', sub: `sub-${user}`, preferred_username: user,
    realm_access: { roles }, iat: now, exp: now + 3600, jti: randomUUID(),
    ...(user.endsWith('-member') ? { country: user.slice(0, 2).toUpperCase() } : {}) };
  const unsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid: TEST_KID })}.${b64(claims)}`;
  const signature = createSign('RSA-SHA256').update(unsigned)
    .sign(readFileSync(path.join(TEST_KEYS, 'lodestone-test-private.pem'), 'utf8')).toString('base64url');
  return `${unsigned}.${signature}`;
}

/** Serves the test public key as a JWK set on PORTS.jwks for as long as the benchmark runs. */
async function serveTestKeys() {
  if (TOKENS === 'keycloak') return;
  const jwk = createPublicKey(readFileSync(path.join(TEST_KEYS, 'lodestone-test-public.pem'), 'utf8'))
    .export({ format: 'jwk' });
  const body = JSON.stringify({ keys: [{ ...jwk, kid: TEST_KID, use: 'sig', alg: 'RS256' }] });
  const server = createServer((request, response) => {
    response.writeHead(request.url === '/certs' ? 200 : 404, { 'content-type': 'application/json' });
    response.end(request.url === '/certs' ? body : '{}');
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(PORTS.jwks, '127.0.0.1', resolve));
  server.unref();
}

async function token(user) {
  if (TOKENS !== 'keycloak') return testToken(user);
  const response = await fetch(`${KEYCLOAK_ISSUER}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'coalition-cli', username: user,
      password: 'demo-password' }),
  });
  const json = await response.json();
  if (!json.access_token) throw new Error(`no token for ${user}: ${JSON.stringify(json)}`);
  return json.access_token;
}

function requestsFor(pairs, tokens) {
  return pairs.map(([name, user]) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${tokens[user]}` },
    body: JSON.stringify({ query: QUERIES[name] }),
  }));
}

// ---------- the stack ----------

async function startStack() {
  await serveTestKeys();
  const jar = path.join(ROOT, 'deploy/local-stack/target/local-stack.jar');
  if (!existsSync(jar)) throw new Error(`${jar} is missing: run deploy/bench/run.sh (it builds it)`);
  const stackEnv = { ...env, LODESTONE_HOME: path.join(OUT, 'stack'), LODESTONE_PG_PORT: String(PORTS.postgres),
    LODESTONE_KEYCLOAK_PORT: String(PORTS.keycloak), LODESTONE_COUNTRY_PORT: String(PORTS.country),
    LODESTONE_MINERAL_PORT: String(PORTS.mineral), LODESTONE_AGREEMENT_PORT: String(PORTS.agreement),
    LODESTONE_GATEWAY_PORT: String(PORTS.stackGateway) };
  const up = async () => {
    for (const port of Object.values(SUBGRAPH_PORTS)) {
      if (!(await fetch(`http://127.0.0.1:${port}/q/health/ready`)).ok) return false;
    }
    return TOKENS !== 'keycloak' || (await fetch(`${KEYCLOAK_ISSUER}/.well-known/openid-configuration`)).ok;
  };
  if (await up().catch(() => false)) {
    // A stack left running by an earlier run with BENCH_KEEP_STACK=1: use it and leave it running.
    log('using the stack already running on the benchmark ports');
    return { home: stackEnv.LODESTONE_HOME, kept: true, pid: undefined };
  }
  const keep = { detached: env.BENCH_KEEP_STACK === '1' };
  if (TOKENS === 'keycloak') {
    log('starting PostgreSQL, Keycloak and the three services with the local-stack launcher (first run: several minutes)');
    const stack = start('local-stack', 'java', ['-jar', jar, 'start', 'postgres', 'keycloak', 'country-service',
      'mineral-service', 'agreement-service'], { env: stackEnv, ...keep });
    await waitFor('local stack', () => readFileSync(stack.logFile, 'utf8').includes('started postgres'), 900_000, stack);
    await waitFor('keycloak', async () => (await fetch(`${KEYCLOAK_ISSUER}/.well-known/openid-configuration`)).ok, 300_000, stack);
    stack.home = stackEnv.LODESTONE_HOME;
    return stack;
  }
  // Test tokens: PostgreSQL from the launcher, the services started here exactly as the launcher starts them, except
  // that they verify tokens against the test issuer and key instead of Keycloak's.
  log('starting PostgreSQL with the local-stack launcher, then the three services (test-token verification)');
  const stack = start('local-stack', 'java', ['-jar', jar, 'start', 'postgres'], { env: stackEnv, ...keep });
  await waitFor('local stack', () => readFileSync(stack.logFile, 'utf8').includes('started postgres'), 300_000, stack);
  stack.home = stackEnv.LODESTONE_HOME;
  stack.services = {};
  for (const [name, port] of Object.entries(SUBGRAPH_PORTS)) {
    const service = start(`${name}-service`, 'java', [...SERVICE_JAVA_OPTS, '-jar',
      path.join(ROOT, `${name}-service/target/quarkus-app/quarkus-run.jar`)], {
      env: { ...env, QUARKUS_HTTP_PORT: String(port), LODESTONE_DB_URL: `jdbc:postgresql://localhost:${PORTS.postgres}/${name}`,
        LODESTONE_DB_USER: 'lodestone', LODESTONE_DB_PASSWORD: 'lodestone', LODESTONE_OIDC_ISSUER: ISSUER,
        LODESTONE_OIDC_JWKS_URL: JWKS, LODESTONE_OIDC_AUDIENCE: 'lodestone-api' }, ...keep });
    await waitFor(`${name}-service`, async () => (await fetch(`http://127.0.0.1:${port}/q/health/ready`)).ok, 900_000, service);
    log(`${name}-service ready`);
    stack.services[name] = service;
    // Beside the launcher's own pid files: a kept stack's later runs find it, and the launcher's `stop` stops it.
    mkdirSync(path.join(stack.home, 'pids'), { recursive: true });
    writeFileSync(path.join(stack.home, 'pids', `${name}-service.pid`), String(service.pid));
  }
  return stack;
}

function servicePid(stack, name) {
  return Number(readFileSync(path.join(stack.home, 'pids', `${name}.pid`), 'utf8').trim());
}

// ---------- gateways ----------

function supergraphWithUrls(urls) {
  let text = readFileSync(SUPERGRAPH, 'utf8');
  for (const [name, url] of Object.entries(urls)) {
    text = text.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*(")`), `$1${url}$2`);
  }
  const file = path.join(OUT, `supergraph-${Object.values(urls).map((u) => new URL(u).port).join('-')}.graphql`);
  writeFileSync(file, text);
  return file;
}

async function startGateway(kind, urls, { jfr } = {}) {
  const port = PORTS.gateway;
  let child;
  if (kind === 'lodestone') {
    const jar = path.join(ROOT, 'gateway/target/quarkus-app/quarkus-run.jar');
    const jvm = [...GATEWAY_JAVA_OPTS];
    if (jfr) jvm.push('-XX:+FlightRecorder', `-XX:StartFlightRecording=filename=${jfr},settings=profile,dumponexit=true`);
    child = start(`gateway-${kind}`, 'java', [...jvm, '-jar', jar], {
      env: { ...env, QUARKUS_HTTP_PORT: String(port), QUARKUS_HTTP_HOST: '127.0.0.1',
        LODESTONE_OIDC_ISSUER: ISSUER, LODESTONE_OIDC_JWKS_URL: JWKS, LODESTONE_SUBGRAPH_TIMEOUT: '30s',
        LODESTONE_COUNTRY_SUBGRAPH_URL: urls.country, LODESTONE_MINERAL_SUBGRAPH_URL: urls.mineral,
        LODESTONE_AGREEMENT_SUBGRAPH_URL: urls.agreement },
    });
  } else if (kind === 'apollo') {
    child = start(`gateway-${kind}`, 'node', [path.join(HERE, 'apollo-gateway.mjs'), supergraphWithUrls(urls), String(port)],
      { env: { ...env, NODE_ENV: 'production' } });
  } else if (kind === 'hive') {
    child = start(`gateway-${kind}`, 'node', [path.join(HERE, 'node_modules/@graphql-hive/gateway/dist/bin.js'),
      'supergraph', supergraphWithUrls(urls), '--port', String(port), '--host', '127.0.0.1'],
    { cwd: path.join(HERE, 'hive'), env: { ...env, NODE_ENV: 'production' } });
  } else {
    throw new Error(`unknown gateway ${kind}`);
  }
  await waitFor(`${kind} gateway`, async () => {
    const r = await post(`http://127.0.0.1:${port}/graphql`, { query: '{ __typename }' },
      { authorization: `Bearer ${child.probeToken ?? PROBE_TOKEN}` });
    return r.status === 200;
  }, 180_000, child);
  return { child, url: `http://127.0.0.1:${port}` };
}

let PROBE_TOKEN = '';

// ---------- measuring ----------

async function counts() {
  const r = await fetch(`http://127.0.0.1:${PORTS.standinControl}/counts`);
  const { counts: c } = await r.json();
  return Object.values(c).reduce((sum, v) => ({ requests: sum.requests + v.requests, forwarded: sum.forwarded + v.forwarded }),
    { requests: 0, forwarded: 0 });
}

async function prometheusSubgraphRequests(url) {
  const text = await (await fetch(`${url}/q/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    // the value follows the labels; an exemplar ("# {trace_id=...} value timestamp") may follow it
    const match = line.match(/^lodestone_gateway_subgraph_fetch_seconds_count(\{[^}]*\})?\s+(\S+)/);
    if (match) total += Number(match[2]);
  }
  return total;
}

/** A service's lodestone_graphql_kept_answers_total by outcome (hit, miss, kept); zeros where it has none. */
async function keptAnswers(port) {
  const text = await (await fetch(`http://127.0.0.1:${port}/q/metrics`)).text();
  const counts = { hit: 0, miss: 0, kept: 0 };
  for (const line of text.split('\n')) {
    const match = line.match(/^lodestone_graphql_kept_answers_total\{[^}]*outcome="(\w+)"[^}]*\}\s+(\S+)/);
    if (match && match[1] in counts) counts[match[1]] += Number(match[2]);
  }
  return counts;
}

/**
 * autocannon sends a request list in order on every connection, so all connections would start on the same request
 * and move nearly in step, which turns a varied mix into bursts of identical requests (and flatters deduplication).
 * Each connection here starts at its own place in the list instead.
 */
function spread(requests) {
  if (requests.length === 1) return requests;
  let connections = 0;
  const entry = {
    method: 'POST',
    path: '/graphql',
    setupRequest: (request, context) => {
      if (context.next === undefined) context.next = connections++;
      const next = requests[context.next++ % requests.length];
      return { ...request, headers: next.headers, body: next.body };
    },
  };
  // autocannon clears a connection's context each time it wraps around its list: a long list keeps it.
  return Array(10_000).fill(entry);
}

/**
 * Load for `seconds` on `connections` connections, by BENCH_LOAD: wrk (default) or autocannon. Returns
 * { total, rps, p50, p99, failures, cpu }: cpu is the load generator's own CPU time in ms (it shares the cores with
 * the gateway under test, so the report shows it).
 */
async function cannon(url, requests, seconds, connections) {
  if (LOAD === 'wrk') return wrk(url, requests, seconds, connections);
  const cpu0 = process.cpuUsage();
  const result = await new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, requests: spread(requests), timeout: 30 },
      (err, r) => (err ? reject(err) : resolve(r)));
  });
  const cpu = process.cpuUsage(cpu0);
  return { total: result.requests.total, rps: result.requests.average, p50: result.latency.p50,
    p99: result.latency.p99, failures: result.non2xx + result.errors + result.timeouts,
    cpu: (cpu.user + cpu.system) / 1000 };
}

function wrkVersion() {
  // `wrk -v` prints its version line and exits 1
  const line = spawnSync('wrk', ['-v']).stdout.toString().split('\n')[0];
  return /wrk (\S+)/.exec(line)?.[1] ?? 'unknown version';
}

// Two wrk threads (event loops) keep up with any of the gateways here at a fraction of a core.
const WRK_THREADS = 2;

/** A Lua long-bracket string literal of a request part (tokens and GraphQL bodies hold no "]====]"). */
const luaString = (text) => {
  if (text.includes(']====]')) throw new Error('request text holds ]====]');
  return `[====[${text}]====]`;
};

/**
 * wrk with a script that formats every request once and hands them out in turn: each new request takes the next
 * one in the list, whichever connection asks, and each thread starts at its own place, so the connections never move
 * in step through the list (the aim of `spread` for autocannon). wrk runs under bash, whose `times` reports wrk's CPU time when it has
 * exited; the script's done() prints the figures as one JSON line.
 */
async function wrk(url, requests, seconds, connections) {
  const script = path.join(OUT, `wrk-${requests.length}.lua`);
  const list = requests.map((r) => `  wrk.format(${luaString(r.method)}, ${luaString(r.path)}, {${
    Object.entries(r.headers).map(([k, v]) => `[ ${luaString(k)} ] = ${luaString(v)}`).join(', ')}}, ${luaString(r.body)}),`);
  writeFileSync(script, `-- written by bench.mjs
local formatted
local next = 0
local threads = 0
-- each thread starts at its own place in the list (runs in the main state, before the threads start)
function setup(thread)
  thread:set("first", threads * ${Math.max(1, Math.floor(requests.length / WRK_THREADS))})
  threads = threads + 1
end
function init(args)
  formatted = {
${list.join('\n')}
  }
  next = first or 0
end
function request()
  next = next + 1
  return formatted[next % #formatted + 1]
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"total":%d,"micros":%d,"p50":%d,"p99":%d,"failures":%d}\\n', summary.requests,
    summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
`);
  const command = `wrk -t${Math.min(WRK_THREADS, connections)} -c${connections} -d${seconds}s --timeout 30s -s '${script}' '${url}/graphql' && times`;
  const output = await new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => { text += chunk; });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}: ${text}`))));
  });
  const line = output.split('\n').find((l) => l.startsWith('{"total"'));
  if (!line) throw new Error(`wrk gave no figures (its errors are above): ${output}`);
  const figures = JSON.parse(line);
  // `times`: the shell's own user and system time, then its children's (wrk): "0m1.234s 0m0.567s"
  const children = output.trim().split('\n').at(-1).match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/);
  const cpu = children ? (Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4])) * 1000 : NaN;
  return { total: figures.total, rps: figures.total / (figures.micros / 1e6), p50: figures.p50 / 1000,
    p99: figures.p99 / 1000, failures: figures.failures, cpu };
}

/**
 * One measured run: warm-up, then `DURATION` seconds under load. cpuPids are the processes whose CPU is charged
 * to the gateway; subgraphPids (end to end) are charged separately.
 */
async function measure({ label, url, pid, requests, connections, subgraphCount, subgraphPids = [], standinPid }) {
  await cannon(url, requests, WARMUP, connections);
  const cpu0 = cpuMillis(pid);
  const sub0 = subgraphPids.map(cpuMillis);
  const standin0 = standinPid ? cpuMillis(standinPid) : NaN;
  const count0 = await subgraphCount();
  let peakRss = 0;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, rssMb(pid)); }, 1000);
  const load0 = loadavg()[0];
  const result = await cannon(url, requests, DURATION, connections);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, rssMb(pid));
  const count1 = await subgraphCount();
  const cpu = cpuMillis(pid) - cpu0;
  const subCpu = subgraphPids.map((p, i) => cpuMillis(p) - sub0[i]).reduce((a, b) => a + b, 0);
  const standinCpu = standinPid ? cpuMillis(standinPid) - standin0 : NaN;
  const total = result.total;
  const row = {
    label,
    rps: result.rps,
    p50: result.p50,
    p99: result.p99,
    cpuPerRequest: total ? cpu / total : NaN,
    loadCpuPerRequest: total ? result.cpu / total : NaN,
    standinCpuPerRequest: total ? standinCpu / total : NaN,
    rss: peakRss,
    subgraphPerRequest: total ? (count1.requests - count0.requests) / total : NaN,
    forwarded: count1.forwarded - count0.forwarded,
    subgraphCpuPerRequest: subgraphPids.length && total ? subCpu / total : undefined,
    total,
    failures: result.failures,
    load: `${load0.toFixed(1)} -> ${loadavg()[0].toFixed(1)}`,
  };
  log(label, JSON.stringify(row));
  return row;
}

/** Sends every request once and returns the answers' data, failing on GraphQL errors. */
async function answers(url, requests, label) {
  const out = [];
  for (const r of requests) {
    // Cold services (first queries, JIT) may time out once; three tries, then it is a failure.
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(`${url}${r.path}`, { method: 'POST', headers: r.headers, body: r.body });
      const json = await response.json();
      if (response.status === 200 && !json.errors) {
        out.push(JSON.stringify(json.data));
        break;
      }
      if (attempt === 3) {
        throw new Error(`${label}: ${response.status} ${JSON.stringify(json).slice(0, 500)} for ${r.body.slice(0, 120)}`);
      }
    }
  }
  return out;
}

// ---------- report ----------

const fmt = (n, digits = 1) => (n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits));

function table(rows, withSubgraphCpu) {
  const head = ['gateway / scenario', 'requests/s', 'p50 ms', 'p99 ms', 'gateway CPU ms/request', 'gateway RSS MB (peak)',
    'subgraph requests/request', ...(withSubgraphCpu ? ['subgraph CPU ms/request'] : ['stand-in CPU ms/request']),
    `load generator (${LOAD}) CPU ms/request`, 'requests', 'failed', 'load avg (1 min)'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    lines.push(`| ${[r.label, fmt(r.rps, 0), fmt(r.p50, 0), fmt(r.p99, 0), fmt(r.cpuPerRequest, 2), fmt(r.rss, 0),
      fmt(r.subgraphPerRequest, 2), fmt(withSubgraphCpu ? r.subgraphCpuPerRequest : r.standinCpuPerRequest, 2),
      fmt(r.loadCpuPerRequest, 2), r.total, r.failures,
      r.load].join(' | ')} |`);
  }
  return lines.join('\n');
}

// ---------- subgraph CPU per request ----------

/**
 * BENCH_MODE=subgraph-cpu: each query of queries.mjs alone, through our gateway on the real subgraphs, as
 * us-member; after a warm-up of the same size, BENCH_REQUESTS requests on BENCH_SUBGRAPH_CPU_CONNECTIONS connections
 * (1: no two requests in flight at once, so none shares a subgraph fetch); each service's CPU time (utime + stime
 * from /proc) over them, less what the service burns idle (measured over 10 s first: health checks, metrics, timers),
 * divided by the requests.
 * BENCH_JFR_DIR records every service with Java Flight Recorder (jcmd) during the measured runs.
 */
async function subgraphCpu() {
  const startedAt = new Date();
  const stack = await startStack();
  const tokens = { 'us-member': await token('us-member') };
  PROBE_TOKEN = tokens['us-member'];
  const realUrls = Object.fromEntries(Object.entries(SUBGRAPH_PORTS).map(([n, p]) => [n, `http://127.0.0.1:${p}/graphql`]));
  const gateway = await startGateway('lodestone', realUrls);
  const services = ['country-service', 'mineral-service', 'agreement-service'];
  const pids = services.map((n) => servicePid(stack, n));
  const jfrDir = env.BENCH_JFR_DIR ? path.resolve(env.BENCH_JFR_DIR) : undefined;
  if (jfrDir) {
    mkdirSync(jfrDir, { recursive: true });
    pids.forEach((pid) => execFileSync('jcmd', [String(pid), 'JFR.start', 'name=bench', 'settings=profile']));
  }
  const everyQuery = requestsFor(Object.keys(QUERIES).map((name) => [name, 'us-member']), tokens);
  await answers(gateway.url, everyQuery, 'subgraph-cpu warm-up');
  if (SUBGRAPH_CPU_WARMUP > 0) {
    log(`warm-up: every query in turn for ${SUBGRAPH_CPU_WARMUP} s`);
    const warm = await cannon(gateway.url, everyQuery, SUBGRAPH_CPU_WARMUP, SUBGRAPH_CPU_CONNECTIONS);
    log(`warm-up: ${warm.total} requests, JIT compile time so far ms ${JSON.stringify(pids.map(jitMillis))}`);
  }
  await sleep(2000);
  const idle0 = pids.map(cpuMillis);
  await sleep(IDLE_SECONDS * 1000);
  const idlePerSecond = pids.map((p, i) => (cpuMillis(p) - idle0[i]) / IDLE_SECONDS);
  log('idle CPU ms/s', JSON.stringify(idlePerSecond));
  const rows = [];
  for (const name of Object.keys(QUERIES)) {
    const requests = requestsFor([[name, 'us-member']], tokens);
    await answers(gateway.url, requests, name);
    await cannonAmount(gateway.url, requests, REQUESTS, SUBGRAPH_CPU_CONNECTIONS);
    const load0 = loadavg()[0];
    // the services' own metrics are read before the CPU counters start (a scrape costs them CPU)
    const kept0 = await Promise.all(Object.values(SUBGRAPH_PORTS).map(keptAnswers));
    const jit0 = pids.map(jitMillis);
    const cpu0 = pids.map(cpuMillis);
    const fetches0 = await prometheusSubgraphRequests(gateway.url);
    const started = Date.now();
    const result = await cannonAmount(gateway.url, requests, REQUESTS, SUBGRAPH_CPU_CONNECTIONS);
    const seconds = (Date.now() - started) / 1000;
    const cpu = pids.map((p, i) => Math.max(0, cpuMillis(p) - cpu0[i] - idlePerSecond[i] * seconds));
    const jit = pids.map((p, i) => jitMillis(p) - jit0[i]);
    const total = result.requests.total;
    const kept = (await Promise.all(Object.values(SUBGRAPH_PORTS).map(keptAnswers)))
      .map((k, i) => ({ hit: k.hit - kept0[i].hit, miss: k.miss - kept0[i].miss }));
    const row = { name, total, kept, failures: result.non2xx + result.errors + result.timeouts,
      fetches: (await prometheusSubgraphRequests(gateway.url) - fetches0) / total,
      perService: cpu.map((c) => c / total), jit, rps: total / seconds, p50: result.latency.p50,
      load: `${load0.toFixed(1)} -> ${loadavg()[0].toFixed(1)}` };
    log('subgraph cpu', JSON.stringify(row));
    rows.push(row);
  }
  if (jfrDir) {
    services.forEach((n, i) => execFileSync('jcmd', [String(pids[i]), 'JFR.dump', 'name=bench',
      `filename=${path.join(jfrDir, `${n}.jfr`)}`]));
    pids.forEach((pid) => execFileSync('jcmd', [String(pid), 'JFR.stop', 'name=bench']));
  }
  await stop(gateway.child);
  if (env.BENCH_KEEP_STACK !== '1' && !stack.kept) {
    for (const service of Object.values(stack.services ?? {})) await stop(service);
    await stop(stack, 'SIGTERM', 120_000);
  }
  const head = ['query (as us-member)', ...services.map((s) => `${s} CPU ms/request`), 'all subgraphs CPU ms/request',
    'subgraph requests/request', 'answered from memory (hits/misses: country, mineral, agreement)',
    'JIT compile ms meanwhile (country, mineral, agreement)', 'requests/s', 'p50 ms', 'requests', 'failed', 'load avg (1 min)'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    lines.push(`| ${[r.name, ...r.perService.map((c) => fmt(c, 2)), fmt(r.perService.reduce((a, b) => a + b, 0), 2),
      fmt(r.fetches, 2), r.kept.map((k) => `${k.hit}/${k.miss}`).join(', '), r.jit.map((j) => fmt(j, 0)).join(', '), fmt(r.rps, 0), fmt(r.p50, 0), r.total, r.failures, r.load].join(' | ')} |`);
  }
  const report = `Subgraph CPU ms per request, run of ${startedAt.toISOString()}: ${cpus().length} cores ` +
    `(${cpus()[0].model}), ${spawnSync('java', ['-version']).stderr.toString().split('\n')[0]}; services started with ` +
    `\`${SERVICE_JAVA_OPTS.join(' ')}\`; every query in turn for ${SUBGRAPH_CPU_WARMUP} s first, then per query ` +
    `${REQUESTS} warm-up and ${REQUESTS} measured requests on ` +
    `${SUBGRAPH_CPU_CONNECTIONS} connection(s) through the Lodestone gateway; idle CPU subtracted ` +
    `(${services.map((s, i) => `${s} ${fmt(idlePerSecond[i], 1)} ms/s`).join(', ')}).\n\n${lines.join('\n')}\n`;
  writeFileSync(path.join(OUT, 'subgraph-cpu.md'), report);
  console.log(report);
}

function cannonAmount(url, requests, amount, connections) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, amount, requests: spread(requests), timeout: 30 },
      (err, result) => (err ? reject(err) : resolve(result)));
  });
}

// ---------- main ----------

async function main() {
  const startedAt = new Date();
  const stack = await startStack();
  const tokens = {};
  for (const user of USERS) tokens[user] = await token(user);
  PROBE_TOKEN = tokens[USERS[0]];
  log(`tokens for ${USERS.join(', ')}`);

  const varied = requestsFor(variedPairs(), tokens);
  const repeated = requestsFor([REPEATED], tokens);
  const scenarios = [['varied', varied], ['repeated', repeated]];
  const realUrls = Object.fromEntries(Object.entries(SUBGRAPH_PORTS).map(([n, p]) => [n, `http://127.0.0.1:${p}/graphql`]));
  const standinUrls = Object.fromEntries(Object.entries(PORTS.standin).map(([n, p]) => [n, `http://127.0.0.1:${p}/graphql`]));

  const e2eRows = [];
  if (env.BENCH_E2E !== '0') {
    log('end to end: Lodestone gateway on the real subgraphs');
    const gateway = await startGateway('lodestone', realUrls);
    await answers(gateway.url, varied, 'lodestone end to end');
    const pids = ['country-service', 'mineral-service', 'agreement-service'].map((n) => servicePid(stack, n));
    for (const [name, requests] of scenarios) {
      e2eRows.push(await measure({ label: `lodestone, end to end, ${name}`, url: gateway.url, pid: gateway.child.pid,
        requests, connections: E2E_CONNECTIONS, subgraphPids: pids,
        subgraphCount: async () => ({ requests: await prometheusSubgraphRequests(gateway.url), forwarded: 0 }) }));
    }
    await stop(gateway.child);
  }

  const standin = start('standin', 'node', [path.join(HERE, 'standin.mjs'), String(PORTS.standinControl),
    ...Object.keys(PORTS.standin).map((n) => `${n}=${PORTS.standin[n]}=${realUrls[n]}`)]);
  await waitFor('stand-in', async () => (await fetch(`http://127.0.0.1:${PORTS.standinControl}/counts`)).ok, 30_000, standin);

  const rows = [];
  let reference;
  const agreement = {};
  for (const kind of GATEWAYS) {
    log(`gateway alone: ${kind}`);
    const jfr = kind === 'lodestone' && env.BENCH_JFR ? path.resolve(env.BENCH_JFR) : undefined;
    const gateway = await startGateway(kind, standinUrls, { jfr });
    const data = await answers(gateway.url, varied, kind);
    if (!reference) reference = data;
    agreement[kind] = data.filter((d, i) => d === reference[i]).length;
    for (const [name, requests] of scenarios) {
      rows.push(await measure({ label: `${kind}, ${name}`, url: gateway.url, pid: gateway.child.pid, requests,
        connections: CONNECTIONS, subgraphCount: counts, standinPid: standin.pid }));
    }
    await stop(gateway.child);
  }
  await stop(standin);
  if (env.BENCH_KEEP_STACK !== '1' && !stack.kept) {
    for (const service of Object.values(stack.services ?? {})) await stop(service);
    await stop(stack, 'SIGTERM', 120_000);
  }

  const report = `Run of ${startedAt.toISOString()}: ${cpus().length} cores (${cpus()[0].model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `Node ${process.version}, ${spawnSync('java', ['-version']).stderr.toString().split('\n')[0]}.\n` +
    `Load: ${DURATION} s measured after ${WARMUP} s warm-up per row; ${LOAD === 'wrk' ? `wrk ${wrkVersion()}` : 'autocannon 9.0.0'}; ` +
    `varied = ${varied.length} requests (${Object.keys(QUERIES).length} queries x 3 of ${USERS.length} users, ` +
    `${TOKENS === 'keycloak' ? 'real Keycloak tokens' : 'tokens signed with the test key of deploy/testing, which the services were started to trust'}), ` +
    `repeated = ${REPEATED[0]} as ${REPEATED[1]}.\n` +
    `Lodestone gateway JVM: \`${GATEWAY_JAVA_OPTS.join(' ')}\`.\n\n` +
    (e2eRows.length ? `### End to end: Lodestone gateway on the real subgraphs (${E2E_CONNECTIONS} connections)\n\n` +
      `${table(e2eRows, true)}\n\n` : '') +
    `### Gateway alone: memoizing stand-in replays the real subgraphs' answers (${CONNECTIONS} connections)\n\n` +
    `${table(rows, false)}\n\n` +
    `Answers identical to the first gateway's (data, ${varied.length} varied requests): ` +
    `${Object.entries(agreement).map(([k, v]) => `${k} ${v}/${varied.length}`).join(', ')}. ` +
    `Stand-in requests forwarded to the real subgraphs during measured runs: ${rows.map((r) => r.forwarded).join(', ')}.\n`;
  writeFileSync(path.join(OUT, 'report.md'), report);
  console.log(report);
}

async function cleanup() {
  for (const child of children.reverse()) {
    if (env.BENCH_KEEP_STACK === '1' && (child.label === 'local-stack' || child.label.endsWith('-service'))) continue;
    await stop(child, 'SIGTERM', 120_000);
  }
}

process.on('SIGINT', async () => { await cleanup(); process.exit(130); });
(MODE === 'subgraph-cpu' ? subgraphCpu() : main()).then(() => process.exit(0), async (e) => {
  log(`failed: ${e.stack ?? e}`);
  await cleanup();
  process.exit(1);
});
