// GET /l/:code — a campaign's tracked link: counts the click and redirects to the URL
import { getDb } from '@/db';
import { recordLinkClick } from '@/lib/campaigns/links';

export async function GET(_req: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const url = await recordLinkClick(getDb(), (await params).code);
  if (!url) return new Response('This link does not exist.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(null, { status: 302, headers: { location: url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } });
}
