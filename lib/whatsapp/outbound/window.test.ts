import { describe, expect, it } from 'vitest';
import { isWindowOpen, renderTemplateBody, templateParameterCount } from './window';

describe('isWindowOpen', () => {
  const now = new Date('2026-11-21T12:00:00Z');

  it('is open for 24 hours after the customer last wrote', () => {
    expect(isWindowOpen(new Date('2026-11-20T12:00:01Z'), now)).toBe(true);
    expect(isWindowOpen(new Date('2026-11-20T12:00:00Z'), now)).toBe(false);
  });

  it('is closed when the customer never wrote', () => {
    expect(isWindowOpen(null, now)).toBe(false);
  });
});

describe('templates', () => {
  it('fills positional parameters and leaves missing ones visible', () => {
    expect(renderTemplateBody('Hi {{1}}, order {{2}} is ready. {{3}}', ['Aisyah', 'A-17'])).toBe('Hi Aisyah, order A-17 is ready. {{3}}');
  });

  it('counts the highest parameter number', () => {
    expect(templateParameterCount('{{2}} and {{1}} and {{ 3 }}')).toBe(3);
    expect(templateParameterCount('no parameters')).toBe(0);
  });
});
