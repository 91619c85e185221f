// Stands in for Meta's Cloud API during bench:webhook: the replies automations send to new
// customers need an answer, and this machine has no internet (a send that cannot connect holds
// a worker slot until it times out). Every POST is a sent message with a fresh wamid.
import { randomUUID } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function startFakeMeta(): Promise<{ baseUrl: string; host: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const body = req.method === 'POST' ? { messaging_product: 'whatsapp', messages: [{ id: `wamid.bench.reply.${randomUUID()}` }] } : {};
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { baseUrl: `http://${host}/v26.0`, host, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
