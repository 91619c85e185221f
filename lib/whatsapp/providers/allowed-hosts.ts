import { AppError } from '@/lib/errors';

// Hosts a channel's apiBaseUrl may point at, so a tenant cannot aim the server at internal
// addresses. Entries are `host` or `host:port` (WHATSAPP_API_ALLOWED_HOSTS, comma-separated).
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['graph.facebook.com', 'app.wabot.my'];

interface Entry {
  host: string;
  port: string | null;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

function parseEntry(raw: string): Entry | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(normaliseHost(raw));
  if (!m?.[1]) return null;
  return { host: m[1].replace(/\.$/, ''), port: m[2] ?? null };
}

function reject(message: string): AppError {
  return AppError.field('validation', 'apiBaseUrl', message);
}

// Returns the parsed URL when its host is listed, else throws a validation AppError. Only
// exact names match (no suffixes, so `graph.facebook.com.evil.com` fails); IP literals and
// localhost pass only when listed themselves; an entry without a port allows only the scheme's
// default port. Plain http is accepted only for a listed loopback host (local development and
// tests); everything else must be https. Names are matched as written: an allowed name that
// resolves to an internal address is the operator's list to fix.
export function assertAllowedHost(url: string, allowList: readonly string[]): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw reject('The API base URL is not a valid URL.');
  }
  if (parsed.username || parsed.password) throw reject('The API base URL must not contain a user name or password.');
  if (parsed.search || parsed.hash) throw reject('The API base URL must not contain a query or fragment.');
  const host = normaliseHost(parsed.hostname);
  const defaultPort = parsed.protocol === 'http:' ? '80' : '443';
  const port = parsed.port || defaultPort;
  const listed = allowList.map(parseEntry).some((e) => e !== null && e.host === host && (e.port ?? defaultPort) === port);
  if (!listed) throw reject(`${parsed.host} is not an allowed WhatsApp API host (WHATSAPP_API_ALLOWED_HOSTS).`);
  const secure = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK.test(host));
  if (!secure) throw reject('The API base URL must use https.');
  return parsed;
}
