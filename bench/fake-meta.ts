// Stands in for Meta's Cloud API in the benchmarks: this machine has no internet (a send that
// cannot connect holds a worker slot until it times out). Every POST is a sent message with a
// fresh wamid, answered after `latencyMs`; `onMessage` sees each POSTed body (bench:campaign
// counts recipients with it).
import { randomUUID } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeMetaOptions {
  onMessage?: (body: Record<string, unknown>, receivedAt: number) => void;
  latencyMs?: number;
}

export async function startFakeMeta(options: FakeMetaOptions = {}): Promise<{ baseUrl: string; host: string; close(): Promise<void> }> {
  const { onMessage, latencyMs = 0 } = options;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      if (onMessage) chunks.push(chunk);
    });
    req.on('end', () => {
      if (onMessage && req.method === 'POST') onMessage(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>, Date.now());
      const body = req.method === 'POST' ? { messaging_product: 'whatsapp', messages: [{ id: `wamid.bench.reply.${randomUUID()}` }] } : {};
      const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (latencyMs > 0) setTimeout(answer, latencyMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: `http://${host}/v26.0`,
    host,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
