import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { checkCredentials } from './credentials';

class RateLimited extends CredentialsSignin {
  code = 'rate_limited';
}

class InvalidCredentials extends CredentialsSignin {
  code = 'invalid_credentials';
}

export function clientIp(headers: Headers): string | null {
  // Only a trusted proxy's X-Forwarded-For is meaningful; otherwise every client could pick its IP.
  if (!getEnv().TRUST_PROXY) return headers.get('x-real-ip') ?? null;
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip');
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = getEnv();
  return {
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: 'jwt', maxAge: 30 * 86_400 },
    pages: { signIn: '/login' },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        authorize: async (credentials, request) => {
          const result = await checkCredentials(getDb(), credentials, clientIp(request.headers), {
            maxPerEmail: env.LOGIN_MAX_FAILURES_PER_EMAIL,
            maxPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
            windowMinutes: env.LOGIN_WINDOW_MINUTES,
          });
          if (result.ok) return result.user;
          throw result.reason === 'rate_limited' ? new RateLimited() : new InvalidCredentials();
        },
      }),
    ],
    callbacks: {
      jwt: ({ token, user }) => {
        if (user?.id) token.sub = user.id;
        return token;
      },
      session: ({ session, token }) => {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
    logger: {
      // Auth.js logs failed sign-ins as errors with their cause; keep the type, drop the details.
      error: (error) => logger.warn({ type: error.name }, 'auth error'),
      warn: (code) => logger.warn({ code }, 'auth warning'),
      debug: () => {},
    },
  };
});
