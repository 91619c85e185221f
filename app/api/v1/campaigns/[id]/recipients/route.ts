// GET /api/v1/campaigns/:id/recipients — recipients with status and failure reason (?status=, pages); ?format=csv exports them all
import { parseQuery } from '@/lib/api/body';
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { listRecipients, recipientsCsv } from '@/lib/campaigns/recipients';
import { recipientListQuerySchema } from '@/lib/campaigns/schema';

export const GET = withTenant<{ id: string }>(
  async ({ req, db, ctx, params }) => {
    const id = parseId(params.id, 'campaign');
    const { format, ...query } = parseQuery(req.url, recipientListQuerySchema);
    if (format === 'json') return Response.json(await listRecipients(db, ctx, id, query));
    const chunks = (await recipientsCsv(db, ctx, id))[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
    });
    return new Response(body, {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="campaign-${id}-recipients.csv"`, 'cache-control': 'no-store' },
    });
  },
  { allowSession: true },
);
