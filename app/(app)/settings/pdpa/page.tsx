import type { Metadata } from 'next';
import { NoticeHistory } from '@/components/pdpa/notice-history';
import { PdpaSettingsForm } from '@/components/pdpa/pdpa-settings-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { getPdpaSettings, listNoticeVersions } from '@/lib/pdpa/settings';

export const metadata: Metadata = { title: 'PDPA' };

export default async function PdpaSettingsPage() {
  const ctx = await requireSessionContext();
  const db = getDb();
  const [settings, versions] = await Promise.all([getPdpaSettings(db, ctx), listNoticeVersions(db, ctx)]);
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>PDPA</CardTitle>
          <CardDescription>
            What customers are told before you market to them (PDPA s.7, in Bahasa Malaysia and English), how long their data is kept, and who answers their questions.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <PdpaSettingsForm settings={settings} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Notice history</CardTitle>
          <CardDescription>Every version stays: it is the evidence of what each customer agreed to.</CardDescription>
        </CardHeader>
        <CardContent>{versions.length > 0 ? <NoticeHistory versions={versions} /> : <p className="text-sm text-muted-foreground">No notice yet.</p>}</CardContent>
      </Card>
    </div>
  );
}
