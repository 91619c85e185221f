import { type SQL, and, desc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db';
import { media, messages, users } from '@/db/schema';
import { afterCursor, type Cursor, page } from '@/lib/api/pagination';
import type { TenantContext } from '@/lib/tenants/context';
import { getConversation } from './conversations';
import { type MessageView, failureText, iso, shownText } from './views';

const quoted = alias(messages, 'quoted');

// Messages with what a bubble needs: the media's name and state, who sent it, and the
// message a reply quotes (or a reaction is on). Tenant in the WHERE and in every join.
function selectMessageRows(db: Database, ctx: TenantContext, where: SQL | undefined, limit: number) {
  return db
    .select({
      id: messages.id,
      conversationId: messages.conversationId,
      direction: messages.direction,
      type: messages.type,
      text: messages.text,
      content: messages.content,
      mediaId: messages.mediaId,
      status: messages.status,
      wamid: messages.wamid,
      sentAt: messages.sentAt,
      deliveredAt: messages.deliveredAt,
      readAt: messages.readAt,
      failedAt: messages.failedAt,
      errorCode: messages.errorCode,
      errorTitle: messages.errorTitle,
      sentByUserId: messages.sentByUserId,
      createdAt: messages.createdAt,
      media: { mimeType: media.mimeType, fileName: media.fileName, sizeBytes: media.sizeBytes, status: media.status },
      quoted: { id: quoted.id, direction: quoted.direction, type: quoted.type, text: quoted.text },
      sentByName: users.name,
    })
    .from(messages)
    .leftJoin(media, and(eq(media.id, messages.mediaId), eq(media.tenantId, ctx.tenantId)))
    .leftJoin(users, eq(users.id, messages.sentByUserId))
    .leftJoin(
      quoted,
      and(
        eq(quoted.tenantId, ctx.tenantId),
        eq(quoted.channelId, messages.channelId),
        eq(quoted.wamid, sql`coalesce(${messages.replyToWamid}, ${messages.content}->'reaction'->>'messageId')`),
      ),
    )
    .where(and(eq(messages.tenantId, ctx.tenantId), where))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit);
}

type MessageRow = Awaited<ReturnType<typeof selectMessageRows>>[number];

function messageView({ sentByUserId, sentByName, ...row }: MessageRow): MessageView {
  return {
    ...row,
    text: shownText(row.text),
    quoted: row.quoted ? { ...row.quoted, text: shownText(row.quoted.text) } : null,
    media: row.mediaId ? row.media : null,
    sentAt: iso(row.sentAt),
    deliveredAt: iso(row.deliveredAt),
    readAt: iso(row.readAt),
    failedAt: iso(row.failedAt),
    errorText: failureText(row.status, row.errorCode, row.errorTitle),
    sentBy: sentByUserId && sentByName !== null ? { id: sentByUserId, name: sentByName } : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function queryMessages(db: Database, ctx: TenantContext, where: SQL | undefined, limit: number): Promise<MessageView[]> {
  return (await selectMessageRows(db, ctx, where, limit)).map(messageView);
}

// One page of the messages `where` picks, oldest first for reading; nextCursor points at older
// messages.
export async function pageOfMessages(db: Database, ctx: TenantContext, where: SQL, options: { before?: Cursor | null; limit: number }) {
  const rows = await queryMessages(db, ctx, and(where, afterCursor(messages.createdAt, messages.id, options.before, 'desc')), options.limit + 1);
  const result = page(rows, options.limit, (m) => ({ createdAt: new Date(m.createdAt), id: m.id }));
  return { data: result.data.reverse(), nextCursor: result.nextCursor };
}

// One page of a conversation. 404 for another tenant's conversation.
export async function getTimeline(db: Database, ctx: TenantContext, conversationId: string, options: { before?: Cursor | null; limit: number }) {
  await getConversation(db, ctx, conversationId);
  return pageOfMessages(db, ctx, eq(messages.conversationId, conversationId), options);
}
