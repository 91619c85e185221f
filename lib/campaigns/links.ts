import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { campaignRecipients, links } from '@/db/schema';
import { getEnv } from '@/lib/env';

// Tracked links: each http(s) URL in a campaign's text becomes /l/{code}, one code per recipient
// and URL, so a click says who clicked.

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/gi;
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const LINK_CODE_LENGTH = 10;

// The URLs a text links to, in order, once each (closing punctuation is not part of them).
export function extractUrls(text: string): string[] {
  const found = [...text.matchAll(URL_PATTERN)].map((m) => m[0].replace(/[.,;:!?)\]]+$/, ''));
  return [...new Set(found)];
}

// 10 characters from 56: about 58 bits, not guessable by walking codes.
export function newLinkCode(): string {
  const bytes = randomBytes(LINK_CODE_LENGTH * 2);
  let code = '';
  for (const byte of bytes) {
    if (byte >= 224) continue;
    code += ALPHABET[byte % ALPHABET.length];
    if (code.length === LINK_CODE_LENGTH) return code;
  }
  return code + newLinkCode().slice(code.length);
}

// Where /l/{code} is served: APP_URL, else the origin the launch request came from.
export function linkOrigin(requestOrigin?: string | null): string {
  const configured = getEnv().APP_URL;
  return (configured ?? requestOrigin ?? 'http://localhost:3000').replace(/\/$/, '');
}

export interface RecipientLink {
  code: string;
  url: string;
  recipientId: string;
}

// Replaces each tracked URL in one recipient's text with its code's address.
export function withTrackedLinks(text: string, origin: string, codes: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [url, code] of codes) out = out.split(url).join(`${origin}/l/${code}`);
  return out;
}

export async function storeLinks(db: Database, tenantId: string, campaignId: string, rows: readonly RecipientLink[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(links).values(rows.map((r) => ({ tenantId, campaignId, recipientId: r.recipientId, code: r.code, url: r.url })));
}

// GET /l/{code}: counts the click and answers where to go; the first click of a recipient sets
// its clicked_at. One statement; an unknown code answers null.
export async function recordLinkClick(db: Database, code: string): Promise<string | null> {
  if (code.length !== LINK_CODE_LENGTH || !/^[A-Za-z0-9]+$/.test(code)) return null;
  const [link] = await db
    .update(links)
    .set({ clickCount: sql`${links.clickCount} + 1`, firstClickedAt: sql`coalesce(${links.firstClickedAt}, now())`, lastClickedAt: sql`now()` })
    .where(eq(links.code, code))
    .returning({ url: links.url, tenantId: links.tenantId, recipientId: links.recipientId, firstClickedAt: links.firstClickedAt });
  if (!link) return null;
  if (link.recipientId) {
    await db
      .update(campaignRecipients)
      .set({ clickedAt: sql`coalesce(${campaignRecipients.clickedAt}, ${link.firstClickedAt?.toISOString() ?? null}::timestamptz, now())` })
      .where(and(eq(campaignRecipients.tenantId, link.tenantId), eq(campaignRecipients.id, link.recipientId)));
  }
  return link.url;
}
