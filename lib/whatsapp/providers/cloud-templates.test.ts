import { describe, expect, it } from 'vitest';
import { metaError } from '@/lib/testing/fake-graph-api';
import { createCloudProvider } from './cloud';
import { useCloudHarness } from './cloud-test-harness';

const h = useCloudHarness();

const promo = {
  id: '1627019861106475',
  name: 'promo_raya',
  language: 'ms',
  status: 'APPROVED',
  category: 'MARKETING',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Promosi {{1}}' },
    { type: 'BODY', text: 'Hai {{1}}, diskaun {{2}} untuk anda!' },
    { type: 'FOOTER', text: 'Balas STOP untuk berhenti' },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Berminat' }, { type: 'URL', text: 'Kedai', url: 'https://x.test' }] },
  ],
};

describe('cloud provider: templates', () => {
  it('lists templates across pages and maps them', async () => {
    h.api.reply(
      { json: { data: [promo], paging: { cursors: { before: 'B1', after: 'A1' }, next: `${h.api.baseUrl}/102290129340398/message_templates?after=A1` } } },
      {
        json: {
          data: [{ id: '2', name: 'order_ready', language: 'en', status: 'REJECTED', category: 'UTILITY', rejected_reason: 'INVALID_FORMAT', components: [{ type: 'BODY', text: 'Ready' }] }],
          paging: { cursors: { before: 'B2', after: 'A2' } },
        },
      },
    );
    const templates = await h.provider.listTemplates?.();
    expect(templates).toEqual([
      {
        providerTemplateId: '1627019861106475',
        name: 'promo_raya',
        language: 'ms',
        category: 'marketing',
        status: 'approved',
        rejectionReason: null,
        body: 'Hai {{1}}, diskaun {{2}} untuk anda!',
        headerType: 'text',
        headerText: 'Promosi {{1}}',
        footer: 'Balas STOP untuk berhenti',
        buttons: [{ type: 'quick_reply', text: 'Berminat' }],
      },
      {
        providerTemplateId: '2',
        name: 'order_ready',
        language: 'en',
        category: 'utility',
        status: 'rejected',
        rejectionReason: 'INVALID_FORMAT',
        body: 'Ready',
        headerType: 'none',
        headerText: null,
        footer: null,
        buttons: [],
      },
    ]);
    const [first, second] = h.api.requests;
    expect(first?.path).toBe('/v26.0/102290129340398/message_templates');
    expect(first?.query.get('fields')).toBe('id,name,language,status,category,components,rejected_reason');
    expect(first?.query.get('after')).toBeNull();
    expect(second?.query.get('after')).toBe('A1');
    expect(h.api.requests).toHaveLength(2);
  });

  it('submits a template in Meta’s create-template shape', async () => {
    h.api.reply({ json: { id: '594425479261596', status: 'PENDING', category: 'MARKETING' } });
    const result = await h.provider.submitTemplate?.({
      name: 'promo_raya',
      language: 'ms',
      category: 'marketing',
      header: { type: 'text', text: 'Promosi {{1}}', example: 'Raya' },
      body: 'Hai {{1}}, diskaun {{2}} untuk anda!',
      bodyExamples: ['Aisyah', '20%'],
      footer: 'Balas STOP untuk berhenti',
      buttons: [{ type: 'quick_reply', text: 'Berminat' }],
    });
    expect(result).toEqual({ providerTemplateId: '594425479261596', status: 'pending' });
    const req = h.api.requests[0];
    expect(req).toMatchObject({ method: 'POST', path: '/v26.0/102290129340398/message_templates' });
    expect(req?.json).toEqual({
      name: 'promo_raya',
      language: 'ms',
      category: 'MARKETING',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Promosi {{1}}', example: { header_text: ['Raya'] } },
        { type: 'BODY', text: 'Hai {{1}}, diskaun {{2}} untuk anda!', example: { body_text: [['Aisyah', '20%']] } },
        { type: 'FOOTER', text: 'Balas STOP untuk berhenti' },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Berminat' }] },
      ],
    });
  });

  it('submits a media header by its upload handle', async () => {
    h.api.reply({ json: { id: '7', status: 'PENDING', category: 'UTILITY' } });
    await h.provider.submitTemplate?.({ name: 'receipt', language: 'en', category: 'utility', header: { type: 'image', handle: '4::aW1h' }, body: 'Thanks!', bodyExamples: [] });
    expect(h.api.requests[0]?.json).toMatchObject({ components: [{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1h'] } }, { type: 'BODY', text: 'Thanks!' }] });
  });

  it('refuses a body whose examples do not match its parameters, without calling Meta', async () => {
    await expect(h.provider.submitTemplate?.({ name: 'x', language: 'en', category: 'utility', body: 'Hi {{1}}', bodyExamples: [] })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(h.provider.submitTemplate?.({ name: 'Bad Name', language: 'en', category: 'utility', body: 'Hi', bodyExamples: [] })).rejects.toMatchObject({ kind: 'invalid' });
    expect(h.api.requests).toHaveLength(0);
  });

  it('reports Meta’s refusal of a template', async () => {
    h.api.reply(metaError(100, { title: 'Invalid parameter', subcode: 2388024, details: 'Content in this language already exists' }));
    await expect(h.provider.submitTemplate?.({ name: 'dup', language: 'en', category: 'utility', body: 'Hi', bodyExamples: [] })).rejects.toMatchObject({
      kind: 'invalid',
      code: 100,
      subcode: 2388024,
      details: 'Content in this language already exists',
    });
  });

  it('needs a WhatsApp Business Account id', async () => {
    const noWaba = createCloudProvider({ apiBaseUrl: h.api.baseUrl, phoneNumberId: '1', accessToken: 't' });
    await expect(noWaba.listTemplates?.()).rejects.toMatchObject({ kind: 'invalid' });
  });
});

describe('cloud provider: checkConnection', () => {
  it('reads the phone number’s verified name, display number and quality rating', async () => {
    h.api.reply({ json: { verified_name: 'Kedai Runcit Ah Seng', display_phone_number: '+60 3-1234 5678', quality_rating: 'GREEN', id: '106540352242922' } });
    await expect(h.provider.checkConnection()).resolves.toEqual({ verifiedName: 'Kedai Runcit Ah Seng', displayPhoneNumber: '+60 3-1234 5678', qualityRating: 'GREEN' });
    const req = h.api.requests[0];
    expect(req).toMatchObject({ method: 'GET', path: '/v26.0/106540352242922' });
    expect(req?.query.get('fields')).toBe('verified_name,display_phone_number,quality_rating');
    expect(req?.headers.authorization).toBe('Bearer EAAG-test-token');
  });

  it('reports an expired token', async () => {
    h.api.reply(metaError(190, { status: 401, title: 'Error validating access token', subcode: 463 }));
    await expect(h.provider.checkConnection()).rejects.toMatchObject({ kind: 'auth', code: 190, subcode: 463, message: expect.stringMatching(/expired/) });
  });
});
