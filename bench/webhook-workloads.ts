// What bench:webhook sends (BENCH_KIND): new customers' text messages ('inbound', the default)
// or a campaign's status webhooks for messages already sent ('statuses', about three a message
// as Meta reports them: the traffic the 1,500/s target is sized for). A share of deliveries is
// sent twice, as Meta does, to prove idempotency under load; each workload then checks the
// database against what it sent.
import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';

const redeliveryShare = 0.05;

export interface WorkloadCheck {
  // Messages (inbound) or message statuses (campaign) the deliveries carried, each once.
  expected: number;
  redeliveries: number;
  lost: number;
  duplicated: number;
}

export interface Workload {
  // The next delivery's body.
  next(): string;
  check(sql: postgres.Sql): Promise<WorkloadCheck>;
}

function delivery(phoneNumberId: string, value: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '60312345678', phone_number_id: phoneNumberId }, ...value } }],
      },
    ],
  });
}

// Remembers bodies so some can be sent again.
function withRedeliveries(fresh: () => string): { next(): string; redeliveries(): number } {
  const bodies: string[] = [];
  let again = 0;
  return {
    next() {
      if (bodies.length > 100 && Math.random() < redeliveryShare) {
        again += 1;
        return bodies[Math.floor(Math.random() * bodies.length)] ?? '';
      }
      const body = fresh();
      if (bodies.length < 5000) bodies.push(body);
      return body;
    },
    redeliveries: () => again,
  };
}

export function inboundWorkload(phoneNumberId: string): Workload {
  const sent = new Set<string>();
  const source = withRedeliveries(() => {
    const wamid = `wamid.bench.${randomUUID()}`;
    const waId = `6012${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    sent.add(wamid);
    return delivery(phoneNumberId, {
      contacts: [{ profile: { name: `Bench ${waId.slice(-4)}` }, wa_id: waId }],
      messages: [{ from: waId, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: 'Ada stok lagi?' } }],
    });
  });
  return {
    next: source.next,
    async check(sql) {
      // Inbound only: automations may answer new customers.
      const [row] = await sql<{ rows: number; distinct: number }[]>`
        select count(*)::int as rows, count(distinct wamid)::int as distinct from messages where direction = 'inbound'`;
      return { expected: sent.size, redeliveries: source.redeliveries(), lost: sent.size - (row?.distinct ?? 0), duplicated: (row?.rows ?? 0) - (row?.distinct ?? 0) };
    },
  };
}

const statuses = ['sent', 'delivered', 'read'] as const;

// Outbound messages as a campaign leaves them, `count` of them, then their statuses in any
// order. "Lost" is a message whose status is not the highest one sent for it (a status
// dropped or moved backwards); "duplicated" a message row more than was there.
export async function statusesWorkload(sql: postgres.Sql, target: { tenantId: string; channelId: string; phoneNumberId: string }, count: number): Promise<Workload> {
  const [customer] = await sql<{ id: string }[]>`
    insert into customers (tenant_id, name, wa_id, phone) values (${target.tenantId}, 'Bench Campaign', '60123000000', '+60123000000') returning id`;
  const [conversation] = await sql<{ id: string }[]>`
    insert into conversations (tenant_id, channel_id, customer_id) values (${target.tenantId}, ${target.channelId}, ${customer?.id ?? ''}) returning id`;
  await sql`
    insert into messages (tenant_id, channel_id, conversation_id, customer_id, direction, type, text, status, wamid)
    select ${target.tenantId}, ${target.channelId}, ${conversation?.id ?? ''}, ${customer?.id ?? ''}, 'outbound', 'text', 'Promo', 'pending', 'wamid.bench.out.' || g
    from generate_series(1, ${count}) g`;
  const sentAt = Math.floor(Date.now() / 1000) - 60;
  const highest = new Map<number, number>();
  const pairs = new Set<string>();
  const source = withRedeliveries(() => {
    const i = 1 + Math.floor(Math.random() * count);
    const rank = Math.floor(Math.random() * statuses.length);
    highest.set(i, Math.max(rank, highest.get(i) ?? -1));
    pairs.add(`${i} ${rank}`);
    return delivery(target.phoneNumberId, {
      statuses: [{ id: `wamid.bench.out.${i}`, status: statuses[rank], timestamp: String(sentAt + rank), recipient_id: '60123000000' }],
    });
  });
  return {
    next: source.next,
    async check(db) {
      const rows = await db<{ wamid: string; status: string }[]>`select wamid, status from messages where direction = 'outbound' and wamid like 'wamid.bench.out.%'`;
      let lost = 0;
      for (const row of rows) {
        const rank = highest.get(Number(row.wamid.slice('wamid.bench.out.'.length)));
        if (rank !== undefined && row.status !== statuses[rank]) lost += 1;
      }
      return { expected: pairs.size, redeliveries: source.redeliveries(), lost, duplicated: rows.length - count };
    },
  };
}
