// Memoizing stand-in for the three subgraphs. One port per subgraph; a request whose (subgraph, Authorization,
// body) was seen before is answered from memory with the recorded status and body, any other one is forwarded
// to the real subgraph and its answer recorded. So every gateway gets real subgraph answers, and once a
// gateway's warm-up has seen its requests, the measured run costs the subgraphs nothing: the gateway alone is
// measured. It counts requests per subgraph (all of them, and the forwarded ones) for the report.
//
// usage: node standin.mjs <control port> <name>=<listen port>=<upstream url> ...
import http from 'node:http';

const [controlPort, ...routes] = process.argv.slice(2);
const memo = new Map();
const counts = {};

function handler(name, upstream) {
  counts[name] = { requests: 0, forwarded: 0 };
  return (req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const authorization = req.headers.authorization ?? '';
      const key = `${name}\n${authorization}\n${body.toString('utf8')}`;
      counts[name].requests++;
      let answer = memo.get(key);
      if (!answer) {
        counts[name].forwarded++;
        try {
          const response = await fetch(upstream, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json',
              ...(authorization ? { authorization } : {}) },
            body,
          });
          answer = { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
          // Only well-formed answers are replayed; failures are passed through and asked again next time.
          if (response.status === 200) memo.set(key, answer);
        } catch (e) {
          answer = { status: 502, body: Buffer.from(JSON.stringify({ errors: [{ message: String(e) }] })) };
        }
      }
      res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': answer.body.length });
      res.end(answer.body);
    });
  };
}

for (const route of routes) {
  const [name, port, upstream] = route.split('=');
  const server = http.createServer({ keepAliveTimeout: 60_000 }, handler(name, upstream));
  server.listen(Number(port), '127.0.0.1');
}

http.createServer((req, res) => {
  if (req.url === '/counts') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ counts, memoized: memo.size }));
  } else {
    res.writeHead(404).end();
  }
}).listen(Number(controlPort), '127.0.0.1', () => console.log(`stand-in ready on ${controlPort}`));
