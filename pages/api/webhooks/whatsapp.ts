// GET /api/webhooks/whatsapp — Meta's verification handshake; POST — signed Cloud API deliveries.
// /webhook/whatsapp is an alias (a rewrite in next.config.ts).
//
// The one Pages Router route in the app, on purpose: an App Router route handler turns every
// Node request into a web Request and its body into web streams, and the signature is checked
// on the raw bytes of Node's request. In production, server.ts hands POSTs to the same handler
// before Next sees them (lib/server/request-listener.ts); this route answers them under
// `next dev` and any other way of serving the build.
import type { NextApiRequest, NextApiResponse } from 'next';
import { getDb } from '@/db';
import { verifyWebhookSubscription } from '@/lib/channels/webhook-verify';
import { handleWebhookPost } from '@/lib/whatsapp/webhook/node-handler';

// The signature is over the raw bytes: Next must not parse the body first.
export const config = { api: { bodyParser: false } };

const single = (value: string | string[] | undefined): string | null => (typeof value === 'string' ? value : null);

export default async function whatsappWebhook(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  if (req.method === 'GET') {
    const challenge = await verifyWebhookSubscription(getDb(), {
      mode: single(req.query['hub.mode']),
      token: single(req.query['hub.verify_token']),
      challenge: single(req.query['hub.challenge']),
    });
    if (challenge === null) res.status(403).setHeader('content-type', 'text/plain').send('Forbidden');
    else res.status(200).setHeader('content-type', 'text/plain').send(challenge);
    return;
  }
  if (req.method !== 'POST') {
    res.setHeader('allow', 'GET, POST').status(405).json({ error: 'method not allowed' });
    return;
  }
  await handleWebhookPost(req, res);
}
