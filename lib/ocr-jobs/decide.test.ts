import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { type Decision, type DecideContext, decide } from './decide';
import { revealIcNumber } from './extracted';
import { icNeedsConsentReply, inReviewReply, readFailedReply, receiptDuplicateReply, unrecognisedReply } from './replies';
import { recognizedIc, recognizedReceipt, recognizedUnknown } from './test-helpers';

beforeAll(() => {
  process.env.AUTH_SECRET ??= randomBytes(32).toString('base64');
  process.env.ENCRYPTION_KEY ??= randomBytes(32).toString('base64');
  resetEnvCache();
});

const now = new Date('2026-03-20T04:00:00Z');
const job = { id: randomUUID(), mediaId: randomUUID() };
const ctx = (over: Partial<DecideContext> = {}): DecideContext => ({ job, customer: { consentStatus: 'granted' }, language: 'en', threshold: 0.75, now, ...over });
const finish = (d: Decision) => {
  if (d.action !== 'finish') throw new Error(`expected finish, got ${d.action}`);
  return d;
};

describe('decide: receipts', () => {
  it('a sure, complete receipt is recorded as a purchase with the photo and the job', () => {
    const d = decide({ ok: true, document: recognizedReceipt({ confidence: 0.9 }) }, ctx());
    expect(d.action).toBe('receipt');
    if (d.action !== 'receipt') return;
    expect(d.input).toMatchObject({ source: 'receipt', date: '2026-03-14', total: '45.90', merchant: 'Kedai Kopi Aisyah', receiptMediaId: job.mediaId, ocrJobId: job.id, confidence: 0.9 });
    expect(d.fields).toMatchObject({ status: 'completed', kind: 'receipt', confidence: 0.9, extracted: { outcome: 'purchase_recorded', receipt: { total: '45.90' } } });
  });

  it('below the threshold it waits for a person, and the customer is told it is being checked', () => {
    const d = finish(decide({ ok: true, document: recognizedReceipt({ confidence: 0.6 }) }, ctx({ language: 'ms' })));
    expect(d.fields).toMatchObject({ status: 'review', extracted: { outcome: 'in_review', problems: ['Read with confidence 0.60, below 0.75.'] } });
    expect(d.reply).toBe(inReviewReply.receipt.ms);
  });

  it('exactly at the threshold is sure enough', () => {
    expect(decide({ ok: true, document: recognizedReceipt({ confidence: 0.75 }) }, ctx()).action).toBe('receipt');
  });

  it('a sure read without a total, or with a date in the future, goes to review with what is wrong', () => {
    const noTotal = finish(decide({ ok: true, document: recognizedReceipt({ confidence: 0.95, receipt: { total: null } }) }, ctx()));
    expect(noTotal.fields).toMatchObject({ status: 'review', extracted: { problems: ['No total was found.'] } });
    const future = finish(decide({ ok: true, document: recognizedReceipt({ confidence: 0.95, receipt: { date: '2099-01-01' } }) }, ctx()));
    expect(future.fields.status).toBe('review');
    expect(future.fields.extracted.problems.join(' ')).toContain('future');
  });

  it('an API upload is only read: no purchase, no reply', () => {
    const d = finish(decide({ ok: true, document: recognizedReceipt({ confidence: 0.5 }) }, ctx({ customer: null })));
    expect(d.fields).toMatchObject({ status: 'completed', extracted: { outcome: 'read', receipt: { total: '45.90' } } });
    expect(d.reply).toBeNull();
  });
});

describe('decide: IC cards', () => {
  it('a sure read of a consenting customer saves the IC; the number is stored sealed and the text masked', () => {
    const d = decide({ ok: true, document: recognizedIc({ confidence: 0.9 }) }, ctx());
    expect(d.action).toBe('ic');
    if (d.action !== 'ic') return;
    expect(d.icNumber).toBe('901231011234');
    expect(d.fields.extracted.icCard).toMatchObject({ icMasked: '901231-01-****', name: 'SITI AMINAH BINTI ABU' });
    expect(JSON.stringify(d.fields.extracted)).not.toContain('901231011234');
    expect(revealIcNumber(d.fields.extracted.icCard)).toBe('901231011234');
    expect(d.fields.text).toContain('901231-01-****');
    expect(d.fields.text).not.toContain('1234');
  });

  it.each(['pending', 'unknown', 'withdrawn'] as const)('a customer whose consent is %s is asked for it, and nothing of the card is kept', (consentStatus) => {
    const d = finish(decide({ ok: true, document: recognizedIc({ confidence: 0.95 }) }, ctx({ customer: { consentStatus } })));
    expect(d.fields).toMatchObject({ status: 'completed', kind: 'ic_card', text: null, extracted: { outcome: 'needs_consent', icCard: null } });
    expect(d.reply).toBe(icNeedsConsentReply('en', consentStatus));
    expect(d.reply).toContain(consentStatus === 'pending' ? 'YES' : 'START');
  });

  it('an unsure read, or a card whose number could not be read, waits for a person', () => {
    const unsure = finish(decide({ ok: true, document: recognizedIc({ confidence: 0.5 }) }, ctx()));
    expect(unsure.fields).toMatchObject({ status: 'review', extracted: { outcome: 'in_review', icCard: { icMasked: '901231-01-****' } } });
    expect(unsure.reply).toBe(inReviewReply.ic_card.en);
    const unread = finish(decide({ ok: true, document: recognizedIc({ confidence: 0.9, icCard: null }) }, ctx()));
    expect(unread.fields).toMatchObject({ status: 'review', extracted: { icCard: null, problems: ['The IC number could not be read.'] } });
  });
});

describe('decide: everything else', () => {
  it('neither a receipt nor an IC card gets a helpful reply', () => {
    const d = finish(decide({ ok: true, document: recognizedUnknown() }, ctx({ language: 'ms' })));
    expect(d.fields).toMatchObject({ status: 'completed', kind: 'unknown', extracted: { outcome: 'unrecognised' } });
    expect(d.reply).toBe(unrecognisedReply.ms);
  });

  it('a bad file fails with its reason, and the customer is told what to send', () => {
    const d = finish(decide({ ok: false, reason: 'too_large', message: 'The file is 12.0 MB; the limit is 10 MB.' }, ctx()));
    expect(d.fields).toMatchObject({ status: 'failed', failureReason: 'The file is 12.0 MB; the limit is 10 MB.' });
    expect(d.reply).toBe(readFailedReply('en', 'too_large'));
    expect(d.reply).toContain('10 MB');
  });

  it('a file already recorded is a duplicate; one waiting for review is still being checked', () => {
    const earlier = { id: randomUUID(), status: 'completed' as const, purchaseId: randomUUID() };
    const recorded = finish(decide({ ok: 'duplicate_file', earlier }, ctx()));
    expect(recorded.fields).toMatchObject({ status: 'completed', kind: 'receipt', extracted: { outcome: 'duplicate_file', duplicateOfJobId: earlier.id, existingPurchaseId: earlier.purchaseId } });
    expect(recorded.reply).toBe(receiptDuplicateReply.en);
    const waiting = finish(decide({ ok: 'duplicate_file', earlier: { ...earlier, status: 'review', purchaseId: null } }, ctx()));
    expect(waiting.reply).toBe(inReviewReply.receipt.en);
  });
});
