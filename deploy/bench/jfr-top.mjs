// Summarises a Java Flight Recorder file's execution samples: the top frames by self time, and the project's own
// methods (org.lodestone) by inclusive time. usage: node jfr-top.mjs <file.jfr> [rows]
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const [file, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg ?? 25);

/**
 * The stack of every execution sample, top frame first, each frame "package.Class.method". Read line by line from
 * `jfr print`'s text output: a minute-long recording prints more JSON than fits in one string.
 */
async function samples(path) {
  const jfr = spawn('jfr', ['print', '--stack-depth', '64', '--events', 'jdk.ExecutionSample', path],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const events = [];
  let frames = null;
  for await (const line of createInterface({ input: jfr.stdout, crlfDelay: Infinity })) {
    const text = line.trim();
    if (text.startsWith('stackTrace = [')) {
      frames = [];
      events.push(frames);
    } else if (frames && text.startsWith(']')) {
      frames = null;
    } else if (frames && text !== '...') {
      const paren = text.indexOf('(');
      if (paren > 0) frames.push(text.slice(0, paren));
    }
  }
  const code = await new Promise((resolve) => (jfr.exitCode !== null ? resolve(jfr.exitCode) : jfr.once('exit', resolve)));
  if (code !== 0) throw new Error(`jfr print exited with ${code}`);
  return events;
}

const events = await samples(file);
const typeName = (f) => f.slice(0, f.lastIndexOf('.'));
const name = (f) => f;
const self = new Map();
const inclusive = new Map();
const selfByPackage = new Map();
for (const event of events) {
  const frames = event;
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
  'HTTP (Netty, Vert.x)': /^(io\.netty|io\.vertx)/, 'RESTEasy Reactive': /^org\.jboss\.resteasy/,
  'class loading, JIT-visible reflection': /^(java\.lang\.Class|java\.lang\.ClassLoader|java\.util\.zip|io\.quarkus\.bootstrap)/ };
const areas = new Map();
for (const event of events) {
  const frames = event;
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
