import { ShieldCheck } from 'lucide-react';
import type { Metadata } from 'next';
import { BreachForm } from '@/components/pdpa/breach-form';
import { BreachList } from '@/components/pdpa/breach-list';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { listBreaches } from '@/lib/pdpa/breaches';
import { malaysiaLocalTime } from '@/lib/pdpa/clock';

export const metadata: Metadata = { title: 'Breach register' };

export default async function BreachesPage() {
  const ctx = await requireSessionContext();
  const breaches = await listBreaches(getDb(), ctx, { limit: 200 });
  const now = new Date();
  const nowLocal = malaysiaLocalTime(now);
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Record a breach</CardTitle>
          <CardDescription>
            A personal-data breach is reported to the Personal Data Protection Commissioner within 72 hours of its discovery (PDPA 2024 amendment), and the people affected
            are told when it may harm them.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <BreachForm nowLocal={nowLocal} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Breach register ({breaches.length})</CardTitle>
        </CardHeader>
        <CardContent>
          {breaches.length === 0 ? (
            <EmptyState icon={ShieldCheck} titleAs="h3" title="No breaches recorded" description="Incidents you record stay here with their notification times." />
          ) : (
            <BreachList breaches={breaches} now={now} nowLocal={nowLocal} />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
