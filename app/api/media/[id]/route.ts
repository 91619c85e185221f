// GET /api/media/:id — a stored media file, for signed-in members of its tenant
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { contentDisposition } from '@/lib/whatsapp/media/disposition';
import { readStoredMedia } from '@/lib/whatsapp/media/read-media';

export const GET = withTenant<{ id: string }>(
  async ({ db, ctx, params }) => {
    const file = await readStoredMedia(db, { tenantId: ctx.tenantId, mediaId: parseId(params.id, 'media') });
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'content-type': file.mimeType,
        'content-length': String(file.bytes.length),
        'content-disposition': contentDisposition(file.kind, file.mimeType, file.fileName),
        'x-content-type-options': 'nosniff',
        // Anything opened directly runs with no script and no origin, whatever it turns out to be.
        'content-security-policy': 'sandbox',
        'cache-control': 'private, max-age=3600',
      },
    });
  },
  { allowSession: true },
);
