import { describe, expect, it } from 'vitest';
import { OPT_OUT_LINE, customerVariables, estimateDurationSeconds, renderCampaignText, renderForCustomer, variableValue } from './render';
import { campaignCreateSchema, unknownVariables } from './schema';

const vars = customerVariables({ name: 'Siti Nurhaliza binti Tarudin', profileName: null, tier: 'gold', totalSpent: '1234.5', language: 'ms' }, 'Kedai Runcit Ali');

describe('campaign text', () => {
  it('fills every variable', () => {
    expect(renderCampaignText('Hai {{first_name}} ({{customer_name}}), tahap {{ tier }}: {{total_spent}} di {{business_name}}', vars)).toBe(
      'Hai Siti (Siti Nurhaliza binti Tarudin), tahap Emas: RM 1,234.50 di Kedai Runcit Ali',
    );
    expect(customerVariables({ name: 'Bob', profileName: null, tier: 'gold', totalSpent: '0', language: 'en' }, 'X').tier).toBe('Gold');
  });

  it('inserts a value once, as plain text on one line', () => {
    const sneaky = { ...vars, customer_name: 'Ali {{tier}}\n\nFREE GIFT\tclick', first_name: '{{business_name}}' };
    expect(renderCampaignText('Hi {{customer_name}} / {{first_name}}', sneaky)).toBe('Hi Ali {{tier}} FREE GIFT click / {{business_name}}');
    expect(variableValue(`A${' '.repeat(9)}B\u0000C`)).toBe('A B C');
    expect([...variableValue('x'.repeat(500))]).toHaveLength(100);
  });

  it('adds the BM/EN opt-out line to marketing text only', () => {
    expect(renderForCustomer({ text: 'Sale!' }, 'marketing', vars).text).toBe(`Sale!\n\n${OPT_OUT_LINE}`);
    expect(OPT_OUT_LINE).toMatch(/Balas STOP/);
    expect(OPT_OUT_LINE).toMatch(/Reply STOP/);
    expect(renderForCustomer({ text: 'Your order is ready' }, 'service', vars).text).toBe('Your order is ready');
  });

  it('maps template parameters from literals and variables', () => {
    const out = renderForCustomer({ templateId: crypto.randomUUID(), parameters: ['{{first_name}}', '20%'] }, 'marketing', vars, 'Hi {{1}}, {{2}} off today');
    expect(out).toEqual({ text: 'Hi Siti, 20% off today', parameters: ['Siti', '20%'] });
  });

  it('refuses unknown variables when the campaign is saved', () => {
    expect(unknownVariables('{{customer_name}} {{ nama }} {{1}}')).toEqual(['nama', '1']);
    const parsed = campaignCreateSchema.safeParse({ name: 'X', type: 'marketing', channelId: crypto.randomUUID(), audience: {}, message: { text: 'Hi {{nama}}' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['message', 'text'], message: expect.stringContaining('Unknown variable {{nama}}') });
  });

  it('estimates the duration at the channel rate', () => {
    expect(estimateDurationSeconds(1000, 80)).toBe(13);
    expect(estimateDurationSeconds(0, 80)).toBe(0);
    expect(estimateDurationSeconds(5, 0)).toBe(5);
  });
});
