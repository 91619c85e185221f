import type { Metadata } from 'next';
import Link from 'next/link';
import { AcceptInvitationForm, JoinInvitationForm } from '@/components/auth/accept-invitation-form';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { auth } from '@/lib/auth/next-auth';
import { findOpenInvitation } from '@/lib/members/invitations';

export const metadata: Metadata = { title: 'Join a team' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findOpenInvitation(getDb(), token);
  if (!invitation) {
    return (
      <Card>
        <CardHeader>
          <CardTitle role="heading" aria-level={1} className="text-2xl">Invitation not valid</CardTitle>
          <CardDescription>This link is invalid, has expired or was already used. Ask the person who invited you for a new one.</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild variant="outline" className="w-full">
            <Link href="/login">Go to log in</Link>
          </Button>
        </CardContent>
      </Card>
    );
  }
  const session = await auth();
  const signedInAsInvitee = session?.user?.email?.toLowerCase() === invitation.email;
  return (
    <Card>
      <CardHeader>
        <CardTitle role="heading" aria-level={1} className="text-2xl">Join {invitation.tenantName}</CardTitle>
        <CardDescription>
          You were invited as <strong>{invitation.role}</strong> ({invitation.email}).
        </CardDescription>
      </CardHeader>
      <CardContent>
        {!invitation.hasAccount ? (
          <AcceptInvitationForm token={token} email={invitation.email} />
        ) : signedInAsInvitee ? (
          <JoinInvitationForm token={token} />
        ) : (
          <Button asChild className="w-full">
            <Link href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>Log in as {invitation.email} to accept</Link>
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
