// Summarises a Java Flight Recorder file's execution samples: the top frames by self time, and the project's own
// methods (org.lodestone) by inclusive time. usage: node jfr-top.mjs <file.jfr> [rows]
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const [file, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg ?? 25);
// The text form of `jfr print`, read line by line: a long recording's JSON form outgrows a JavaScript string.
// Each event becomes { values: { stackTrace: { frames: [{ method: { type: { name }, name } }] } } }, top frame first.
const events = [];
const jfr = spawn('jfr', ['print', '--stack-depth', '64', '--events', 'jdk.ExecutionSample', file]);
let frames = null;
for await (const line of createInterface({ input: jfr.stdout, crlfDelay: Infinity })) {
  const text = line.trim();
  if (text === 'stackTrace = [') {
    frames = [];
  } else if (frames && text.startsWith(']')) {
    events.push({ values: { stackTrace: { frames } } });
    frames = null;
  } else if (frames && text !== '...') {
    const qualified = text.slice(0, text.indexOf('('));
    const dot = qualified.lastIndexOf('.');
    frames.push({ method: { type: { name: qualified.slice(0, dot) }, name: qualified.slice(dot + 1) } });
  }
}
const typeName = (f) => f.method.type.name.replaceAll('/', '.');
const name = (f) => `${typeName(f)}.${f.method.name}`;
const self = new Map();
const inclusive = new Map();
const selfByPackage = new Map();
for (const event of events) {
  const frames = event.values.stackTrace?.frames ?? [];
  if (!frames.length) continue;
  const top = name(frames[0]);
  self.set(top, (self.get(top) ?? 0) + 1);
  const pkg = typeName(frames[0]).split('.').slice(0, 3).join('.');
  selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + 1);
  const seen = new Set();
  for (const f of frames) {
    const n = name(f);
    if (n.startsWith('org.lodestone') && !n.includes('$$Lambda') && !seen.has(n)) {
      seen.add(n);
      inclusive.set(n, (inclusive.get(n) ?? 0) + 1);
    }
  }
}
const AREAS = { 'token verification (smallrye-jwt, jose4j, BigInteger)': /^(org\.jose4j|io\.smallrye\.jwt|io\.quarkus\.smallrye\.jwt|java\.math)/,
  'JSON (Jackson)': /^com\.fasterxml\.jackson/, 'graphql-java': /^graphql\./,
  'PostgreSQL JDBC driver': /^org\.postgresql/, 'regular expressions': /^java\.util\.regex/,
  'HTTP (Netty, Vert.x)': /^(io\.netty|io\.vertx)/, 'RESTEasy Reactive': /^org\.jboss\.resteasy/,
  'class loading, JIT-visible reflection': /^(java\.lang\.Class|java\.lang\.ClassLoader|java\.util\.zip|io\.quarkus\.bootstrap)/ };
const areas = new Map();
for (const event of events) {
  const frames = event.values.stackTrace?.frames ?? [];
  for (const [area, pattern] of Object.entries(AREAS)) {
    if (frames.some((f) => pattern.test(typeName(f)))) areas.set(area, (areas.get(area) ?? 0) + 1);
  }
}
const total = events.length;
const print = (title, map, n) => {
  console.log(`\n${title} (${total} samples)`);
  [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
    .forEach(([k, v]) => console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`));
};
print('self time, top frames', self, rows);
print('self time by package', selfByPackage, 15);
print('inclusive time, org.lodestone methods', inclusive, rows);
print('inclusive time by area (a sample may count in several)', areas, 10);
