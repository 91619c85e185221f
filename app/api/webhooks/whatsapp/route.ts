// GET /api/webhooks/whatsapp — Meta's verification handshake; POST — signed Cloud API deliveries
import { getDb } from '@/db';
import { readBodyText } from '@/lib/api/body';
import { verifyWebhookSubscription } from '@/lib/channels/webhook-verify';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { acceptWebhookDelivery } from '@/lib/whatsapp/ingest/accept-delivery';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const params = new URL(req.url).searchParams;
  const challenge = await verifyWebhookSubscription(getDb(), {
    mode: params.get('hub.mode'),
    token: params.get('hub.verify_token'),
    challenge: params.get('hub.challenge'),
  });
  return challenge === null ? new Response('Forbidden', { status: 403 }) : new Response(challenge, { status: 200, headers: { 'content-type': 'text/plain' } });
}

export async function POST(req: Request): Promise<Response> {
  let raw: string;
  try {
    raw = await readBodyText(req);
  } catch (error) {
    const status = error instanceof AppError ? error.status : 400;
    return Response.json({ error: 'body too large or unreadable' }, { status });
  }
  const outcome = await acceptWebhookDelivery(getDb(), raw, req.headers.get('x-hub-signature-256'));
  if (outcome.status !== 200) {
    logger.warn({ status: outcome.status, reason: outcome.reason }, 'webhook delivery refused');
    return Response.json({ error: outcome.reason }, { status: outcome.status });
  }
  return Response.json({ received: true });
}
