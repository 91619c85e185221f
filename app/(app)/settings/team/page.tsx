import type { Metadata } from 'next';
import { ConfirmActionButton } from '@/components/settings/confirm-action-button';
import { InviteMemberForm } from '@/components/settings/invite-member-form';
import { MemberRoleSelect } from '@/components/settings/member-role-select';
import { Forbidden } from '@/components/shell/forbidden';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { listOpenInvitations } from '@/lib/members/invitations';
import { listMembers } from '@/lib/members/members';
import { hasRole } from '@/lib/tenants/context';
import { removeMemberAction, revokeInvitationAction } from './actions';

export const metadata: Metadata = { title: 'Team' };

const dateFormat = new Intl.DateTimeFormat('en-MY', { dateStyle: 'medium', timeZone: 'Asia/Kuala_Lumpur' });

export default async function TeamSettingsPage() {
  const ctx = await requireSessionContext();
  if (!hasRole(ctx, 'admin')) return <Forbidden what="Team settings" />;
  const db = getDb();
  const [members, invitations] = await Promise.all([listMembers(db, ctx), listOpenInvitations(db, ctx)]);
  const isOwner = ctx.role === 'owner';
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Invite a team member</CardTitle>
          <CardDescription>Agents handle the inbox and customers (IC numbers masked, no exports). Admins can do everything but billing and deleting the business.</CardDescription>
        </CardHeader>
        <CardContent>
          <InviteMemberForm canInviteOwner={isOwner} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Members ({members.length})</CardTitle>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Email</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Joined</TableHead>
                <TableHead className="sr-only">Actions</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.map((m) => (
                <TableRow key={m.userId}>
                  <TableCell className="font-medium">
                    {m.name}
                    {m.userId === ctx.userId ? <span className="text-muted-foreground"> (you)</span> : null}
                  </TableCell>
                  <TableCell>{m.email}</TableCell>
                  <TableCell>
                    <MemberRoleSelect userId={m.userId} role={m.role} name={m.name} canGrantOwner={isOwner} />
                  </TableCell>
                  <TableCell>{dateFormat.format(m.joinedAt)}</TableCell>
                  <TableCell className="text-right">
                    {m.userId !== ctx.userId && (isOwner || m.role !== 'owner') ? (
                      <ConfirmActionButton
                        action={removeMemberAction}
                        fields={{ userId: m.userId }}
                        label="Remove"
                        title={`Remove ${m.name}?`}
                        description="They lose access to this business at once. Their past replies stay in the inbox."
                        confirmLabel="Remove member"
                      />
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Open invitations</CardTitle>
        </CardHeader>
        <CardContent>
          {invitations.length === 0 ? (
            <p className="text-sm text-muted-foreground">No open invitations.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Email</TableHead>
                  <TableHead>Role</TableHead>
                  <TableHead>Expires</TableHead>
                  <TableHead className="sr-only">Actions</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {invitations.map((inv) => (
                  <TableRow key={inv.id}>
                    <TableCell>{inv.email}</TableCell>
                    <TableCell className="capitalize">{inv.role}</TableCell>
                    <TableCell>{dateFormat.format(inv.expiresAt)}</TableCell>
                    <TableCell className="text-right">
                      <ConfirmActionButton
                        action={revokeInvitationAction}
                        fields={{ invitationId: inv.id }}
                        label="Revoke"
                        title={`Revoke the invitation for ${inv.email}?`}
                        description="The link stops working at once."
                        confirmLabel="Revoke invitation"
                      />
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
