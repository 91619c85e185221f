import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CreateBusinessForm } from '@/components/auth/create-business-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { auth } from '@/lib/auth/next-auth';

export const metadata: Metadata = { title: 'Create a business' };

export default async function OnboardingPage() {
  if (!(await auth())?.user) redirect('/login');
  return (
    <Card>
      <CardHeader>
        <CardTitle role="heading" aria-level={1} className="text-2xl">Create a business</CardTitle>
        <CardDescription>You are not a member of any business on Sembang yet. Create one, or ask a colleague to invite you.</CardDescription>
      </CardHeader>
      <CardContent>
        <CreateBusinessForm />
      </CardContent>
    </Card>
  );
}
