import { and, eq, isNotNull, min, ne, or, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { messages } from '@/db/schema';
import type { TenantContext } from '@/lib/tenants/context';

export interface CustomerStats {
  firstContactAt: string | null;
  lastInboundAt: string | null;
  lastOutboundAt: string | null;
  // Times the customer wrote after a team member's last word (or first): their questions.
  customerTurns: number;
  // How many of those a team member answered, and the median time they took.
  answeredTurns: number;
  medianReplySeconds: number | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

// Two small aggregates over the customer's messages (index on tenant, customer, created_at).
// Replies are what a person sent: automated notices and campaigns would flatter the figure.
export async function getCustomerStats(db: Database, ctx: TenantContext, customerId: string): Promise<CustomerStats> {
  const ofCustomer = and(eq(messages.tenantId, ctx.tenantId), eq(messages.customerId, customerId), ne(messages.type, 'reaction'));
  const [span] = await db
    .select({
      firstContactAt: min(messages.createdAt),
      lastInboundAt: sql`max(${messages.createdAt}) filter (where ${messages.direction} = 'inbound')`.mapWith(messages.createdAt),
      lastOutboundAt: sql`max(${messages.createdAt}) filter (where ${messages.direction} = 'outbound')`.mapWith(messages.createdAt),
    })
    .from(messages)
    .where(ofCustomer);

  const order = sql`order by ${messages.createdAt}, ${messages.id}`;
  const said = db.$with('said').as(
    db
      .select({
        direction: messages.direction,
        createdAt: messages.createdAt,
        previousDirection: sql<string | null>`lag(${messages.direction}) over (${order})`.as('previous_direction'),
        nextReplyAt: sql`min(${messages.createdAt}) filter (where ${messages.direction} = 'outbound') over (${order} rows between 1 following and unbounded following)`.as('next_reply_at'),
      })
      .from(messages)
      .where(and(ofCustomer, or(eq(messages.direction, 'inbound'), isNotNull(messages.sentByUserId)))),
  );
  const turnStart = sql`${said.direction} = 'inbound' and ${said.previousDirection} is distinct from 'inbound'`;
  const [turns] = await db
    .with(said)
    .select({
      customerTurns: sql`count(*) filter (where ${turnStart})`.mapWith(Number),
      answeredTurns: sql`count(${said.nextReplyAt}) filter (where ${turnStart})`.mapWith(Number),
      medianReplySeconds: sql<string | null>`percentile_cont(0.5) within group (order by extract(epoch from ${said.nextReplyAt} - ${said.createdAt})) filter (where ${turnStart})`,
    })
    .from(said);

  return {
    firstContactAt: iso(span?.firstContactAt ?? null),
    lastInboundAt: iso(span?.lastInboundAt ?? null),
    lastOutboundAt: iso(span?.lastOutboundAt ?? null),
    customerTurns: turns?.customerTurns ?? 0,
    answeredTurns: turns?.answeredTurns ?? 0,
    medianReplySeconds: turns?.medianReplySeconds == null ? null : Math.round(Number(turns.medianReplySeconds)),
  };
}
