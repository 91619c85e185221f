import type { Metadata } from 'next';
import { TierSettingsForm } from '@/components/settings/tier-settings-form';
import { Forbidden } from '@/components/shell/forbidden';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { customersPerTier, getTierSettings } from '@/lib/purchases/tier-settings';
import { hasRole } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'Loyalty tiers' };

export default async function TierSettingsPage() {
  const ctx = await requireSessionContext();
  if (!hasRole(ctx, 'admin')) return <Forbidden what="Loyalty tiers" />;
  const db = getDb();
  const [settings, counts] = await Promise.all([getTierSettings(db, ctx.tenantId), customersPerTier(db, ctx.tenantId)]);
  return (
    <Card className="max-w-3xl">
      <CardHeader>
        <CardTitle>Loyalty tiers</CardTitle>
        <CardDescription>
          Customers move up as they spend: Bronze from the first ringgit, then each tier from its threshold. Saving recalculates every customer&apos;s tier at once.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <TierSettingsForm settings={settings} counts={counts} />
      </CardContent>
    </Card>
  );
}
