import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTICE } from '@/lib/consent/notices';
import { NOTICE_MAX_LENGTH, noticeProblem, normalizeNotice } from './notice-rules';

describe('noticeProblem', () => {
  it("accepts the customer's own BM and EN notices", () => {
    expect(noticeProblem(DEFAULT_NOTICE.bodyMs)).toBeNull();
    expect(noticeProblem(DEFAULT_NOTICE.bodyEn)).toBeNull();
  });

  it('accepts spaces inside the braces and {{name}} left out', () => {
    expect(noticeProblem('{{ brand }} 想发送促销信息。回复 YES 同意，随时输入 STOP 退订。')).toBeNull();
  });

  it('refuses an empty notice and one too long for a WhatsApp button message', () => {
    expect(noticeProblem('  \n ')).toBe('Write the notice.');
    expect(noticeProblem(`{{brand}} STOP ${'x'.repeat(NOTICE_MAX_LENGTH)}`)).toMatch(/under 900 characters/);
  });

  it('refuses placeholders other than {{name}} and {{brand}}', () => {
    expect(noticeProblem('Hai {{nama}}, {{brand}} di sini. Taip STOP untuk berhenti.')).toMatch(/\{\{nama\}\} would reach the customer as written/);
    expect(noticeProblem('Hi {{1}} from {{brand}}. STOP to opt out.')).toMatch(/\{\{1\}\}/);
  });

  it('requires {{brand}} and the STOP keyword as a whole word', () => {
    expect(noticeProblem('Hi {{name}}! Reply YES. Type STOP to opt out.')).toMatch(/Include \{\{brand\}\}/);
    expect(noticeProblem('Hi {{name}}, this is {{brand}}. Reply YES.')).toMatch(/type STOP/);
    expect(noticeProblem('Hi from {{brand}}, nonstop deals!')).toMatch(/type STOP/);
    expect(noticeProblem('Hi from {{brand}}. Type stop to opt out.')).toBeNull();
  });
});

describe('normalizeNotice', () => {
  it('trims and writes line breaks as \\n', () => {
    expect(normalizeNotice('  a\r\nb\rc \n')).toBe('a\nb\nc');
  });
});
