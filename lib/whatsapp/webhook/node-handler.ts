import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Database, getDb } from '@/db';
import { MAX_JSON_BODY_BYTES } from '@/lib/api/body';
import { readNodeBodyText } from '@/lib/api/node-body';
import { AppError } from '@/lib/errors';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import { logger } from '@/lib/logger';
import { acceptWebhookDelivery } from '@/lib/whatsapp/ingest/accept-delivery';

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

// POST /api/webhooks/whatsapp on Node's own request and response. Both ways in answer with it:
// the Pages Router route (pages/api/webhooks/whatsapp.ts) and the production server's fast
// lane (lib/server/request-listener.ts), which skips Next's request pipeline.
export async function handleWebhookPost(req: IncomingMessage, res: ServerResponse, db: Database = getDb(), jobs: JobClient = getJobClient()): Promise<void> {
  let raw: string;
  try {
    raw = await readNodeBodyText(req, MAX_JSON_BODY_BYTES);
  } catch (error) {
    // The rest of an oversized body is not read: close the connection after answering.
    return sendJson(res, error instanceof AppError ? error.status : 400, { error: 'body too large or unreadable' }, { connection: 'close' });
  }
  try {
    const header = req.headers['x-hub-signature-256'];
    const outcome = await acceptWebhookDelivery(db, raw, typeof header === 'string' ? header : null, jobs);
    if (outcome.status !== 200) {
      logger.warn({ status: outcome.status, reason: outcome.reason }, 'webhook delivery refused');
      return sendJson(res, outcome.status, { error: outcome.reason });
    }
    sendJson(res, 200, { received: true });
  } catch (error) {
    // Not stored: a 5xx makes Meta deliver it again later.
    logger.error({ err: error }, 'webhook delivery not stored');
    sendJson(res, 500, { error: 'not stored; deliver again' });
  }
}
