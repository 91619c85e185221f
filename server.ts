// The production server: `npm run serve` (and `npm start`, which builds first). Next.js
// serves everything, behind Node's http server with one fast lane for Meta's webhook POSTs
// (lib/server/request-listener.ts says why). Options as `next start`: -p/--port (or PORT,
// default 3000) and -H/--hostname (default all interfaces).
//   node --import tsx server.ts -p 3000
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createRequestListener } from '@/lib/server/request-listener';

const { values } = parseArgs({ options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write(`Not a port: ${values.port ?? process.env.PORT}\n`);
  process.exit(1);
}

// tsx turns on Node's source maps; `next start` runs without them, and with them loading Next's
// chunks reads and parses every .map file (seconds of CPU at start, on 2 cores).
process.setSourceMapsEnabled(false);
// React and Next pick their production builds from NODE_ENV when first loaded.
Object.assign(process.env, { NODE_ENV: 'production' });
const { default: next } = await import('next');
const app = next({ dev: false, hostname: hostname ?? 'localhost', port });
// Next runs instrumentation.ts (migrations, demo seed, job worker, offering the webhook lane) as
// it starts; webhook POSTs that come first go through Next to the same handler.
await app.prepare();
const server = createServer(createRequestListener(app.getRequestHandler()));
server.listen(port, hostname, () => process.stdout.write(`Sembang is listening on http://${hostname ?? 'localhost'}:${port}\n`));

// As `next start`: stop accepting, let requests in flight finish, then exit with the signal's
// code; connections still open after 5 s are cut.
let stopping = false;
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => void app.close().finally(() => process.exit(code)));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 5_000).unref();
  });
}
