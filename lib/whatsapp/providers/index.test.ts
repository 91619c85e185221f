import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { type FakeGraphApi, accepted, startFakeGraphApi } from '@/lib/testing/fake-graph-api';
import { DEFAULT_ALLOWED_HOSTS, DEFAULT_GRAPH_API_BASE_URL, assertAllowedHost, createProvider } from './index';

describe('assertAllowedHost', () => {
  const defaults = DEFAULT_ALLOWED_HOSTS;

  it.each([
    'https://graph.facebook.com/v26.0',
    'https://graph.facebook.com/v23.0/',
    'https://GRAPH.Facebook.com/v26.0',
    'https://graph.facebook.com./v26.0',
    'https://graph.facebook.com:443/v26.0',
    'https://app.wabot.my/api',
  ])('accepts %s with the default list', (url) => {
    expect(() => assertAllowedHost(url, defaults)).not.toThrow();
  });

  it.each([
    ['http://127.0.0.1/v26.0', 'loopback'],
    ['http://169.254.169.254/latest/meta-data', 'cloud metadata'],
    ['https://graph.facebook.com.evil.com/v26.0', 'a longer name'],
    ['https://evil.graph.facebook.com/v26.0', 'a subdomain'],
    ['https://graph.facebook.com:8443/v26.0', 'another port'],
    ['http://graph.facebook.com/v26.0', 'plain http'],
    ['https://localhost/v26.0', 'localhost'],
    ['https://[::1]/v26.0', 'IPv6 loopback'],
    ['https://2130706433/', 'a decimal IP'],
    ['https://user:pw@graph.facebook.com/v26.0', 'credentials'],
    ['https://graph.facebook.com/v26.0?x=1', 'a query'],
    ['ftp://graph.facebook.com/', 'another scheme'],
    ['not a url', 'garbage'],
  ])('rejects %s (%s)', (url) => {
    expect(() => assertAllowedHost(url, defaults)).toThrow(AppError);
  });

  it('reports the rejection on the apiBaseUrl field', () => {
    try {
      assertAllowedHost('https://169.254.169.254/', defaults);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'validation', fieldErrors: [{ field: 'apiBaseUrl' }] });
    }
  });

  it('accepts an IP or localhost only when listed, with its port', () => {
    const list = ['graph.facebook.com', '127.0.0.1:4010', 'LOCALHOST:3000 '];
    expect(() => assertAllowedHost('http://127.0.0.1:4010/v26.0', list)).not.toThrow();
    expect(() => assertAllowedHost('http://localhost:3000/api', list)).not.toThrow();
    expect(() => assertAllowedHost('http://127.0.0.1:4011/v26.0', list)).toThrow(AppError);
    expect(() => assertAllowedHost('http://127.0.0.1/v26.0', list)).toThrow(AppError);
  });

  it('still wants https for a listed host that is not loopback', () => {
    expect(() => assertAllowedHost('http://proxy.internal.example:8080/v26.0', ['proxy.internal.example:8080'])).toThrow(AppError);
    expect(() => assertAllowedHost('https://proxy.internal.example:8080/v26.0', ['proxy.internal.example:8080'])).not.toThrow();
  });

  it('matches an explicit default port', () => {
    expect(() => assertAllowedHost('https://graph.facebook.com/v26.0', ['graph.facebook.com:443'])).not.toThrow();
  });
});

describe('createProvider', () => {
  let api: FakeGraphApi;
  beforeEach(async () => {
    api = await startFakeGraphApi();
  });
  afterEach(() => api.close());

  it('defaults the cloud base URL to Meta’s Graph API', () => {
    expect(DEFAULT_GRAPH_API_BASE_URL).toMatch(/^https:\/\/graph\.facebook\.com\/v\d+\.0$/);
    expect(createProvider({ type: 'cloud', phoneNumberId: '1', accessToken: 't' }).type).toBe('cloud');
  });

  it('refuses a base URL off the allow-list before any request', () => {
    expect(() => createProvider({ type: 'cloud', apiBaseUrl: api.baseUrl, phoneNumberId: '1', accessToken: 't' })).toThrow(AppError);
    expect(() => createProvider({ type: 'wabot', apiBaseUrl: 'https://169.254.169.254/api', instanceId: 'i', accessToken: 't' })).toThrow(AppError);
    expect(api.requests).toHaveLength(0);
  });

  it('builds each kind of provider from its settings', async () => {
    const allowedHosts = [new URL(api.origin).host];
    const cloud = createProvider({ type: 'cloud', apiBaseUrl: api.baseUrl, phoneNumberId: '1', wabaId: '2', accessToken: 't' }, { allowedHosts });
    api.reply(accepted('wamid.FROMINDEX'));
    await expect(cloud.sendText({ waId: '60123456789', phone: null, userId: null }, 'Hi')).resolves.toEqual({ wamid: 'wamid.FROMINDEX' });
    const wabot = createProvider({ type: 'wabot', apiBaseUrl: `${api.origin}/api`, instanceId: 'i', accessToken: 't' }, { allowedHosts });
    expect(wabot.type).toBe('wabot');
    const sandbox = createProvider({ type: 'sandbox', onSend: async () => undefined });
    expect(sandbox.type).toBe('sandbox');
  });
});
