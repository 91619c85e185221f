// GET /api/v1/customers/:id/messages — the customer's messages, newest first; POST — send one
import { parseQuery, readJson } from '@/lib/api/body';
import { parseId } from '@/lib/api/ids';
import { decodeCursor, listQuerySchema, page } from '@/lib/api/pagination';
import { withTenant } from '@/lib/api/route';
import { customerMessageJson, listCustomerMessages } from '@/lib/customers/messages';
import { outboundInputSchema, queueOutboundMessage } from '@/lib/whatsapp/outbound/queue-message';

export const GET = withTenant<{ id: string }>(async ({ req, db, ctx, params }) => {
  const query = parseQuery(req.url, listQuerySchema);
  const rows = await listCustomerMessages(db, ctx, parseId(params.id, 'customer'), { limit: query.limit + 1, after: decodeCursor(query.cursor) });
  const result = page(rows, query.limit, (m) => m);
  return Response.json({ data: result.data.map(customerMessageJson), nextCursor: result.nextCursor });
});

// Text inside the 24-hour window, otherwise an approved template (409 says so). The message
// is answered as pending; the send job moves it on.
export const POST = withTenant<{ id: string }>(async ({ req, db, ctx, params }) => {
  const customerId = parseId(params.id, 'customer');
  const input = await readJson(req, outboundInputSchema);
  const message = await queueOutboundMessage(db, ctx, customerId, input);
  return Response.json(customerMessageJson(message), { status: 201 });
});
