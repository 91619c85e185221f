import type { Metadata } from 'next';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { findUserById } from '@/lib/users/users';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountSettingsPage() {
  const ctx = await requireSessionContext();
  const user = await findUserById(getDb(), ctx.userId);
  return (
    <Card className="max-w-xl">
      <CardHeader>
        <CardTitle>Your account</CardTitle>
        <CardDescription>How you appear to your team.</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-muted-foreground">Name</dt>
          <dd>{user?.name}</dd>
          <dt className="text-muted-foreground">Email</dt>
          <dd>{user?.email}</dd>
          <dt className="text-muted-foreground">Business</dt>
          <dd>{ctx.tenantName}</dd>
          <dt className="text-muted-foreground">Role</dt>
          <dd className="capitalize" data-testid="current-role">
            {ctx.role}
          </dd>
        </dl>
      </CardContent>
    </Card>
  );
}
