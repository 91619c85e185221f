import { notFound } from 'next/navigation';
import type { Database } from '@/db';
import { parseId } from '@/lib/api/ids';
import { type CampaignView, getCampaign } from '@/lib/campaigns/campaigns';
import { AppError } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenants/context';

// A malformed id names nothing, like an unknown one or another tenant's.
export async function loadCampaignOr404(db: Database, ctx: TenantContext, id: string): Promise<CampaignView> {
  return Promise.resolve()
    .then(() => getCampaign(db, ctx, parseId(id, 'campaign')))
    .catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') notFound();
      throw error;
    });
}
