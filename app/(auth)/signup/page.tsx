import type { Metadata } from 'next';
import { SignupForm } from '@/components/auth/signup-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Sign up' };

export default function SignupPage() {
  return (
    <Card>
      <CardHeader>
        <CardTitle role="heading" aria-level={1} className="text-2xl">Create your business account</CardTitle>
        <CardDescription>Set up Sembang for your shop or brand. You can invite your team afterwards.</CardDescription>
      </CardHeader>
      <CardContent>
        <SignupForm />
      </CardContent>
    </Card>
  );
}
