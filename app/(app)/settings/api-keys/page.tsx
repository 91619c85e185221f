import type { Metadata } from 'next';
import { ConfirmActionButton } from '@/components/settings/confirm-action-button';
import { CreateApiKeyForm } from '@/components/settings/create-api-key-form';
import { Forbidden } from '@/components/shell/forbidden';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db';
import { listApiKeys } from '@/lib/api-keys/api-keys';
import { requireSessionContext } from '@/lib/auth/session';
import { hasRole } from '@/lib/tenants/context';
import { revokeApiKeyAction } from './actions';

export const metadata: Metadata = { title: 'API keys' };

const dateTime = new Intl.DateTimeFormat('en-MY', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kuala_Lumpur' });

export default async function ApiKeysPage() {
  const ctx = await requireSessionContext();
  if (!hasRole(ctx, 'admin')) return <Forbidden what="API keys" />;
  const keys = await listApiKeys(getDb(), ctx);
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Create an API key</CardTitle>
          <CardDescription>
            Keys give full access to this business through the REST API (<a className="underline" href="/api/v1/openapi.json">OpenAPI document</a>). Keep them on servers, never in apps or web pages.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CreateApiKeyForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Keys</CardTitle>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          {keys.length === 0 ? (
            <p className="text-sm text-muted-foreground">No API keys yet.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Key</TableHead>
                  <TableHead>Created</TableHead>
                  <TableHead>Last used</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead className="sr-only">Actions</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {keys.map((k) => (
                  <TableRow key={k.id}>
                    <TableCell className="font-medium">{k.name}</TableCell>
                    <TableCell className="font-mono text-xs">{k.prefix}…</TableCell>
                    <TableCell>{dateTime.format(k.createdAt)}</TableCell>
                    <TableCell>{k.lastUsedAt ? dateTime.format(k.lastUsedAt) : 'Never'}</TableCell>
                    <TableCell>{k.revokedAt ? <Badge variant="secondary">Revoked</Badge> : <Badge variant="success">Active</Badge>}</TableCell>
                    <TableCell className="text-right">
                      {k.revokedAt ? null : (
                        <ConfirmActionButton
                          action={revokeApiKeyAction}
                          fields={{ id: k.id }}
                          label="Revoke"
                          title={`Revoke “${k.name}”?`}
                          description="Requests with this key fail at once with 401. This cannot be undone."
                          confirmLabel="Revoke key"
                        />
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
