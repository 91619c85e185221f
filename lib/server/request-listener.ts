import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

// The production server (server.ts) puts one lane in front of Next.js: Meta's signed webhook
// POSTs. A campaign at Meta's 1,000 messages/s brings ~3,000 status deliveries/s, and Next's
// request pipeline (routing, rewrites, tracing, the API resolver) costs three times what storing
// a delivery does. Measured with bench:webhook on 2 cores (PostgreSQL, fast path alone, 20 s,
// runs interleaved): `next start` 506 and 567 deliveries/s; through the lane 1,851 and 1,835.
//
// The lane's handler is offered from inside Next's bundle at boot (lib/boot.ts), so it uses the
// same database pool, channel cache and rate meter as the rest of the app: this module and
// server.ts import nothing with state of their own. Until it is offered (and under `next dev`)
// the same requests reach pages/api/webhooks/whatsapp.ts, which answers with the same handler.

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const WEBHOOK_PATHS = new Set(['/api/webhooks/whatsapp', '/webhook/whatsapp']);
const holder = globalThis as typeof globalThis & { __sembangWebhookLane?: Handler };

// null withdraws it.
export function offerWebhookLane(handler: Handler | null): void {
  holder.__sembangWebhookLane = handler ?? undefined;
}

function laneFor(req: IncomingMessage): Handler | undefined {
  if (req.method !== 'POST' || !req.url) return undefined;
  const query = req.url.indexOf('?');
  return WEBHOOK_PATHS.has(query === -1 ? req.url : req.url.slice(0, query)) ? holder.__sembangWebhookLane : undefined;
}

export function createRequestListener(next: Handler): RequestListener {
  return (req, res) => {
    // A handler that throws must not take the process down with an unhandled rejection.
    (laneFor(req) ?? next)(req, res).catch((error: unknown) => {
      process.stderr.write(`request failed: ${error instanceof Error ? error.message : String(error)}\n`);
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' }).end('{"error":"internal error"}');
    });
  };
}
