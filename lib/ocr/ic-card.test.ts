import { describe, expect, it } from 'vitest';
import { extractIcCard } from './ic-card';
import { textLines } from './test-helpers';

const today = new Date('2025-06-30T00:00:00Z');
const read = (text: string) => extractIcCard(textLines(text), today);

describe('extractIcCard', () => {
  it('reads the number, name, birth date, gender and state from a clean card', () => {
    const result = read(`
KAD PENGENALAN MALAYSIA       MyKad
951012-14-1661
ZULKIFLI BIN MAT ZIN
LOT 4025, JALAN DELIMA,        LELAKI
50450 W.P. KUALA LUMPUR
ISLAM
WARGANEGARA
`);
    expect(result?.fields).toEqual({ icNumber: '951012141661', name: 'ZULKIFLI BIN MAT ZIN', dateOfBirth: '1995-10-12', gender: 'M', state: 'MY-14' });
    expect(result?.confidence).toBeGreaterThan(0.8);
  });

  it('joins a name printed on two lines', () => {
    const result = read(`
KAD PENGENALAN MALAYSIA
050720-10-8279
MOHAMAD FIRDAUS
BIN MAT ZIN
NO 83, JALAN MELATI 8,
TAMAN PERLING,
91000 TAWAU, SABAH
`);
    expect(result?.fields.name).toBe('MOHAMAD FIRDAUS BIN MAT ZIN');
    expect(result?.fields).toMatchObject({ dateOfBirth: '2005-07-20', gender: 'M', state: 'MY-10' });
  });

  it('keeps A/L and A/P in Indian names and reads a female holder', () => {
    const result = read(`
MyKad
880304-08-5432
KAVITHA A/P SUBRAMANIAM
NO 5, LORONG MERBAU 2,
30000 IPOH, PERAK
PEREMPUAN
`);
    expect(result?.fields).toMatchObject({ name: 'KAVITHA A/P SUBRAMANIAM', gender: 'F', dateOfBirth: '1988-03-04', state: 'MY-08' });
  });

  it('reads digits the OCR took for letters, and spaces for dashes, at a lower confidence', () => {
    const clean = read('KAD PENGENALAN MALAYSIA\n830715-14-3647\nGOH JUN HAO');
    const noisy = read('KAD PENGENALAN MALAYSIA\n83O7I5 14 3647\nGOH JUN HAO');
    expect(noisy?.fields.icNumber).toBe('830715143647');
    expect(noisy?.fields.name).toBe('GOH JUN HAO');
    expect(noisy!.confidence).toBeLessThan(clean!.confidence);
  });

  it('skips a stray line between the number and the name, and card words beside the name', () => {
    const result = read(`
951012-14-1661
AE
ZULKIFLI BIN MAT ZIN    LELAKI
LOT 4025, JALAN DELIMA
`);
    expect(result?.fields.name).toBe('ZULKIFLI BIN MAT ZIN');
  });

  it('rejects numbers that are no MyKad: an impossible birth date or place code', () => {
    expect(read('KAD PENGENALAN MALAYSIA\n951332-14-1661\nALI BIN ABU')).toBeNull();
    expect(read('KAD PENGENALAN MALAYSIA\n951012-00-1661\nALI BIN ABU')).toBeNull();
  });

  it('answers null when there is no number at all', () => {
    expect(read('KAD PENGENALAN MALAYSIA\nALI BIN ABU')).toBeNull();
  });

  it('returns the number without a name when no name follows', () => {
    const result = read('951012-14-1661\nNO 12 JALAN 3');
    expect(result?.fields).toMatchObject({ icNumber: '951012141661', name: null });
  });
});
