import { describe, expect, it } from 'vitest';
import { bodyParameterProblem, templateFormSchema, templateInputSchema } from './schema';

const valid = { name: 'order_ready', language: 'ms', category: 'utility', body: 'Hai {{1}}, pesanan {{2}} sudah siap.' } as const;

function problems(input: Record<string, unknown>): Record<string, string> {
  const result = templateInputSchema.safeParse({ ...valid, ...input });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('bodyParameterProblem', () => {
  it('accepts numbered parameters from {{1}} without gaps, in any order and repeated', () => {
    expect(bodyParameterProblem('Hai {{1}}, pesanan {{2}} siap.')).toBeNull();
    expect(bodyParameterProblem('Pesanan {{2}} untuk {{1}}, terima kasih {{1}}.')).toBeNull();
    expect(bodyParameterProblem('No parameters at all.')).toBeNull();
  });

  it('refuses gaps, names, spaces and a body that starts or ends with a parameter', () => {
    expect(bodyParameterProblem('Hai {{1}}, kod {{3}} ya.')).toMatch(/\{\{3\}\} is used but \{\{2\}\} is not/);
    expect(bodyParameterProblem('Hai {{2}} ya.')).toMatch(/\{\{1\}\}/);
    expect(bodyParameterProblem('Hai {{name}} ya.')).toMatch(/a number in double curly braces/);
    expect(bodyParameterProblem('Hai {{ 1 }} ya.')).toMatch(/no spaces/);
    expect(bodyParameterProblem('Hai {{0}} ya.')).toMatch(/a number/);
    expect(bodyParameterProblem('{{1}}, pesanan siap.')).toMatch(/starts or ends/);
    expect(bodyParameterProblem('Pesanan siap, {{1}}')).toMatch(/starts or ends/);
  });
});

describe('templateInputSchema', () => {
  it("accepts a template within Meta's limits", () => {
    const buttons = [{ text: 'Ya' }, { text: 'Tidak' }, { text: 'x'.repeat(25) }];
    const parsed = templateInputSchema.parse({ ...valid, headerType: 'text', headerText: 'Pesanan', footer: 'Kedai Kopi Aisyah', buttons });
    expect(parsed.buttons).toEqual(buttons.map((b) => ({ type: 'quick_reply', ...b })));
  });

  it('keeps names to lowercase letters, digits and underscores, at most 512', () => {
    expect(problems({ name: 'Order Ready' }).name).toMatch(/lowercase/);
    expect(problems({ name: 'order-ready' }).name).toMatch(/lowercase/);
    expect(problems({ name: 'a'.repeat(513) }).name).toMatch(/512/);
    expect(problems({ name: 'promo_2026_raya' })).toEqual({});
  });

  it('knows the languages and categories Sembang offers', () => {
    expect(problems({ language: 'zh_CN' })).toEqual({});
    expect(problems({ language: 'en_US' }).language).toMatch(/ms, en, zh_CN/);
    expect(problems({ category: 'service' }).category).toMatch(/marketing, utility, authentication/);
  });

  it('limits body, header, footer and buttons as Meta does', () => {
    expect(problems({ body: `Hai ${'a'.repeat(1021)}` }).body).toMatch(/1024/);
    expect(problems({ headerType: 'text', headerText: 'h'.repeat(61) }).headerText).toMatch(/60/);
    expect(problems({ footer: 'f'.repeat(61) }).footer).toMatch(/60/);
    expect(problems({ buttons: [{ text: 'b'.repeat(26) }] })['buttons.0.text']).toMatch(/25/);
    expect(problems({ buttons: [{ text: 'A' }, { text: 'B' }, { text: 'C' }, { text: 'D' }] }).buttons).toMatch(/at most 3/);
    expect(problems({ buttons: [{ text: 'Ya' }, { text: 'ya' }] }).buttons).toMatch(/different/);
  });

  it('wants header text exactly for a text header, without parameters', () => {
    expect(problems({ headerType: 'text' }).headerText).toMatch(/Enter the header text/);
    expect(problems({ headerType: 'image', headerText: 'Hi' }).headerText).toMatch(/Only a text header/);
    expect(problems({ headerType: 'text', headerText: 'Hi {{1}}' }).headerText).toMatch(/not supported/);
    expect(problems({ headerType: 'image' })).toEqual({});
  });

  it('wants one example per parameter when examples are given', () => {
    expect(problems({ examples: ['Aisyah'] }).examples).toMatch(/each of the 2/);
    expect(problems({ examples: ['Aisyah', 'A-17'] })).toEqual({});
  });
});

describe('templateFormSchema', () => {
  it('turns the flat form fields into a template', () => {
    const parsed = templateFormSchema.parse({
      ...valid,
      headerType: 'none',
      headerText: '',
      footer: '',
      button1: 'Ya',
      button2: '',
      button3: 'Tidak',
      example2: 'A-17',
      example1: 'Aisyah',
    });
    expect(parsed).toMatchObject({ headerType: 'none', headerText: null, footer: null, buttons: [{ text: 'Ya' }, { text: 'Tidak' }], examples: ['Aisyah', 'A-17'] });
  });

  it('treats examples left empty as none given', () => {
    expect(templateFormSchema.parse({ ...valid, example1: '', example2: '' }).examples).toBeUndefined();
  });
});
