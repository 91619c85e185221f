import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTICE, renderNotice } from './notices';

describe('renderNotice', () => {
  it("fills the customer's name and the brand into the seed's notice", () => {
    expect(renderNotice(DEFAULT_NOTICE.bodyEn, { name: 'Aisyah', brand: 'Kedai Kopi Aisyah' })).toMatch(/^Hi Aisyah! This is Kedai Kopi Aisyah about/);
    expect(renderNotice(DEFAULT_NOTICE.bodyMs, { name: 'Aisyah', brand: 'Kedai Kopi Aisyah' })).toMatch(/^Hi Aisyah! Anda dihubungi oleh Kedai Kopi Aisyah berkaitan/);
  });

  it('accepts spaces inside the braces and leaves other placeholders alone', () => {
    expect(renderNotice('{{ name }} / {{brand}} / {{tier}}', { name: 'A', brand: 'B' })).toBe('A / B / {{tier}}');
  });
});
