'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { redirect, unstable_rethrow } from 'next/navigation';
import { getDb } from '@/db';
import { type ActionState, failure } from '@/lib/actions/tenant-action';
import { loginSchema } from '@/lib/auth/credentials';
import { auth, signIn, signOut } from '@/lib/auth/next-auth';
import { setActiveTenant } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { acceptInvitation, acceptInvitationSchema } from '@/lib/members/invitations';
import { createTenantForUser, createTenantWithOwner, signupSchema } from '@/lib/tenants/signup';

// Only same-site paths: "/x" but never "//evil.example".
function safeRedirect(target: FormDataEntryValue | null): string {
  return typeof target === 'string' && /^\/(?!\/)/.test(target) ? target : '/dashboard';
}

async function signInOrExplain(email: string, password: string, redirectTo: string, formData: FormData): Promise<ActionState<never>> {
  try {
    await signIn('credentials', { email, password, redirectTo });
  } catch (error) {
    // signIn redirects by throwing; only Auth.js errors are ours to explain.
    if (!(error instanceof AuthError)) throw error;
    const limited = error instanceof CredentialsSignin && error.code === 'rate_limited';
    return failure(
      limited
        ? new AppError('rate_limited', 'Too many failed attempts. Wait 15 minutes and try again.')
        : new AppError('unauthorized', 'The email or password is incorrect.'),
      formData,
    );
  }
  return null;
}

export async function loginAction(_prev: ActionState<never>, formData: FormData): Promise<ActionState<never>> {
  const parsed = loginSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, formData);
  return signInOrExplain(parsed.data.email, parsed.data.password, safeRedirect(formData.get('callbackUrl')), formData);
}

export async function signupAction(_prev: ActionState<never>, formData: FormData): Promise<ActionState<never>> {
  try {
    const input = signupSchema.parse(Object.fromEntries(formData));
    const { tenant } = await createTenantWithOwner(getDb(), input);
    await setActiveTenant(tenant.id);
    return await signInOrExplain(input.email, input.password, '/dashboard', formData);
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, formData);
  }
}

export async function acceptInvitationAction(_prev: ActionState<never>, formData: FormData): Promise<ActionState<never>> {
  const token = String(formData.get('token') ?? '');
  try {
    const input = acceptInvitationSchema.parse(Object.fromEntries(formData));
    const { tenantId, email } = await acceptInvitation(getDb(), token, input);
    await setActiveTenant(tenantId);
    return await signInOrExplain(email, input.password, '/dashboard', formData);
  } catch (error) {
    unstable_rethrow(error);
    return failure(error, formData);
  }
}

export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}

// A user who already has an account joins the inviting tenant while signed in.
export async function joinInvitationAction(_prev: ActionState<never>, formData: FormData): Promise<ActionState<never>> {
  try {
    const session = await auth();
    if (!session?.user?.id) throw new AppError('unauthorized', 'Log in to accept the invitation.');
    const { tenantId } = await acceptInvitation(getDb(), String(formData.get('token') ?? ''), { signedInUserId: session.user.id });
    await setActiveTenant(tenantId);
  } catch (error) {
    return failure(error, formData);
  }
  redirect('/dashboard');
}

// A signed-in user with no tenant (or who wants another one) creates a business.
export async function createBusinessAction(_prev: ActionState<never>, formData: FormData): Promise<ActionState<never>> {
  try {
    const session = await auth();
    if (!session?.user?.id) throw new AppError('unauthorized', 'Your session has ended. Log in again.');
    const { businessName } = signupSchema.pick({ businessName: true }).parse(Object.fromEntries(formData));
    const tenant = await createTenantForUser(getDb(), session.user.id, businessName);
    await setActiveTenant(tenant.id);
  } catch (error) {
    return failure(error, formData);
  }
  redirect('/dashboard');
}
