import { describe, expect, it } from 'vitest';
import { consentButtons, parseConsentButton, parseConsentText, parseQuickReply } from './keywords';

describe('parseConsentText: answers to the notice', () => {
  it.each([
    ['YES', 'grant', 'en'],
    ['yes', 'grant', 'en'],
    ['Yes!', 'grant', 'en'],
    ['YA', 'grant', 'ms'],
    ['ya.', 'grant', 'ms'],
    ['Setuju', 'grant', 'ms'],
    ['SETUJU 👍', 'grant', 'ms'],
    ['OK', 'grant', null],
    ['ok!!', 'grant', null],
    ['NO', 'decline', 'en'],
    ['no.', 'decline', 'en'],
    ['Nope', 'decline', 'en'],
    ['TAK', 'decline', 'ms'],
    ['tak', 'decline', 'ms'],
    ['TDK', 'decline', 'ms'],
    ['Tidak', 'decline', 'ms'],
    ['TIDAK!', 'decline', 'ms'],
    ['batal', 'decline', 'ms'],
    [' BATAL ', 'decline', 'ms'],
  ] as const)('%j → %s (%s)', (text, intent, language) => {
    expect(parseConsentText(text)).toEqual({ intent, keyword: text.replace(/[^A-Za-z]/g, '').toUpperCase(), language, kind: 'answer' });
  });

  it('needs the whole message to be the answer', () => {
    for (const text of ['ok where is my order', 'no problem', 'yes please send the menu', 'tak apa', 'ya ke?', 'okay', 'yesterday', 'Nota', 'tidak sabar!']) {
      expect(parseConsentText(text), text).toBeNull();
    }
  });
});

describe('parseConsentText: STOP, BERHENTI and START at any time', () => {
  it.each([
    ['STOP', 'STOP', null],
    ['stop', 'STOP', null],
    ['Stop.', 'STOP', null],
    ['please STOP sending me messages', 'STOP', null],
    ['Can you stop the promos?', 'STOP', null],
    ['BERHENTI', 'BERHENTI', 'ms'],
    ['tolong berhenti hantar mesej', 'BERHENTI', 'ms'],
  ] as const)('%j withdraws', (text, keyword, language) => {
    expect(parseConsentText(text)).toEqual({ intent: 'withdraw', keyword, language, kind: 'command' });
  });

  it.each(['START', 'start', 'Start!', 'START please', 'I want to start receiving promos again'])('%j grants', (text) => {
    expect(parseConsentText(text)).toEqual({ intent: 'grant', keyword: 'START', language: null, kind: 'command' });
  });

  it('matches whole words only', () => {
    for (const text of ['nonstop', 'NONSTOP deals!', 'startup', 'Restart', 'stopper', 'bus-stopped', 'berhentilah', 'stop123']) {
      expect(parseConsentText(text), text).toBeNull();
    }
  });

  it('a START inside a question is not consent', () => {
    expect(parseConsentText('When does the sale start?')).toBeNull();
  });

  it('STOP wins over anything else in the message', () => {
    expect(parseConsentText('YA STOP')).toMatchObject({ intent: 'withdraw', keyword: 'STOP' });
    expect(parseConsentText('start stop')).toMatchObject({ intent: 'withdraw' });
  });
});

describe('consent buttons', () => {
  it('the tapped button says the answer and the language', () => {
    expect(parseConsentButton(consentButtons.ms[0].id)).toEqual({ intent: 'grant', keyword: 'YA', language: 'ms', kind: 'answer' });
    expect(parseConsentButton(consentButtons.ms[1].id)).toEqual({ intent: 'decline', keyword: 'TIDAK', language: 'ms', kind: 'answer' });
    expect(parseConsentButton(consentButtons.en[0].id)).toEqual({ intent: 'grant', keyword: 'YES', language: 'en', kind: 'answer' });
    expect(parseConsentButton(consentButtons.en[1].id)).toEqual({ intent: 'decline', keyword: 'NO', language: 'en', kind: 'answer' });
    expect(parseConsentButton('order-now')).toBeNull();
  });

  it('fit WhatsApp: ≤ 20 characters a title, ≤ 256 an id, unique ids', () => {
    const all = [...consentButtons.ms, ...consentButtons.en];
    expect(all.every((b) => b.title.length <= 20 && b.id.length <= 256)).toBe(true);
    expect(new Set(all.map((b) => b.id)).size).toBe(4);
  });
});

describe("parseQuickReply: a template's quick reply", () => {
  it("Meta's marketing opt-out button withdraws, by its text or its payload", () => {
    expect(parseQuickReply('Stop promotions', 'Stop promotions')).toEqual({ intent: 'withdraw', keyword: 'STOP PROMOTIONS', language: 'en', kind: 'command' });
    expect(parseQuickReply('stop_promotions', 'Stop promotions')).toMatchObject({ intent: 'withdraw', keyword: 'STOP PROMOTIONS' });
    expect(parseQuickReply(null, 'Hentikan promosi')).toEqual({ intent: 'withdraw', keyword: 'HENTIKAN PROMOSI', language: 'ms', kind: 'command' });
  });

  it('other quick replies are read as typed text', () => {
    expect(parseQuickReply('Tell me more', 'Tell me more')).toBeNull();
    expect(parseQuickReply('YES', 'YES')).toMatchObject({ intent: 'grant', kind: 'answer' });
    expect(parseQuickReply('Unsubscribe', 'Unsubscribe')).toBeNull();
  });
});
