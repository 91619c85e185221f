import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { templates } from '@/db/schema';
import type { TenantContext } from '@/lib/tenants/context';
import { templateParameterCount } from '@/lib/whatsapp/outbound/window';

export interface SendableTemplate {
  id: string;
  name: string;
  language: string;
  category: string;
  body: string;
  parameterCount: number;
}

// The templates an agent may send from the composer: the tenant's approved ones.
export async function listSendableTemplates(db: Database, ctx: TenantContext): Promise<SendableTemplate[]> {
  const rows = await db
    .select({ id: templates.id, name: templates.name, language: templates.language, category: templates.category, body: templates.body })
    .from(templates)
    .where(and(eq(templates.tenantId, ctx.tenantId), eq(templates.status, 'approved')))
    .orderBy(asc(templates.name), asc(templates.language));
  return rows.map((t) => ({ ...t, parameterCount: templateParameterCount(t.body) }));
}
