import { describe, expect, it } from 'vitest';
import { type CampaignDraft, campaignToDraft, draftToInput, emptyDraft, firstInvalidStep, isoToMalaysiaLocal, localField, malaysiaLocalToIso, stepErrors, stepOfField } from './campaign-draft';

const now = new Date('2026-11-21T03:00:00Z'); // 11:00 in Kuala Lumpur

function draft(patch: Partial<CampaignDraft> = {}): CampaignDraft {
  return { ...emptyDraft('chan-1'), name: 'Raya promo', segmentIds: ['seg-1'], text: 'Hi {{first_name}}!', ...patch };
}

describe('campaign draft', () => {
  it('reads typed times as Malaysian wall-clock time and shows them back the same way', () => {
    expect(malaysiaLocalToIso('2026-11-22T09:30')).toBe('2026-11-22T01:30:00.000Z');
    expect(isoToMalaysiaLocal('2026-11-22T01:30:00.000Z')).toBe('2026-11-22T09:30');
    expect(malaysiaLocalToIso('2026-11-22')).toBeNull();
  });

  it('names what to fix on each step', () => {
    expect(stepErrors(draft({ name: '  ' }), 0)).toEqual({ name: 'Give the campaign a name.' });
    expect(stepErrors(draft({ segmentIds: [] }), 3, now)).toEqual({ audience: 'Nobody to send to: choose segments or customers in step 2, or make it automated.' });
    expect(stepErrors(draft({ text: 'Hi {{nickname}}' }), 2)).toEqual({ text: 'Unknown variable {{nickname}}. Use one of the chips below.' });
    expect(stepErrors(draft({ messageKind: 'template', templateId: 't', parameters: ['a', ' '] }), 2)).toEqual({ 'parameters.1': 'Fill in {{2}}.' });
    expect(stepErrors(draft({ when: 'later', startAt: '2026-11-21T10:00' }), 3, now)).toEqual({ startAt: 'Choose a time in the future.' });
    expect(stepErrors(draft({ when: 'later', startAt: '2026-11-22T10:00', endAt: '2026-11-22T09:00' }), 3, now)).toEqual({ endAt: 'The end must come after the start.' });
    expect(stepErrors(draft({ when: 'trigger', trigger: 'inactive', inactiveDays: '0' }), 3, now)).toEqual({ inactiveDays: 'Enter a whole number of days from 1 to 365.' });
  });

  it('lets an automated campaign go without an audience (every customer the trigger finds)', () => {
    expect(stepErrors(draft({ segmentIds: [] }), 1)).toEqual({});
    expect(stepErrors(draft({ segmentIds: [], when: 'trigger' }), 3, now)).toEqual({});
  });

  it('finds the first step with something to fix', () => {
    expect(firstInvalidStep(draft(), now)).toBeNull();
    expect(firstInvalidStep(draft({ text: '' }), now)).toBe(2);
    expect(firstInvalidStep(draft({ segmentIds: [] }), now)).toBe(3);
  });

  it('turns the draft into the API body', () => {
    const body = draftToInput(
      draft({ customers: [{ id: 'c1', name: 'A', phone: null }], excluded: [{ id: 'c2', name: 'B', phone: null }], when: 'later', startAt: '2026-11-22T09:00', endAt: '2026-11-22T21:00' }),
    );
    expect(body).toMatchObject({
      name: 'Raya promo',
      type: 'marketing',
      channelId: 'chan-1',
      audience: { segmentIds: ['seg-1'], customerIds: ['c1'], excludeCustomerIds: ['c2'] },
      message: { text: 'Hi {{first_name}}!' },
      scheduledAt: '2026-11-22T01:00:00.000Z',
      endsAt: '2026-11-22T13:00:00.000Z',
    });
    expect(draftToInput(draft({ when: 'trigger', trigger: 'inactive', inactiveDays: '45' })).trigger).toEqual({ type: 'inactive', days: 45 });
    expect(draftToInput(draft({ when: 'trigger', trigger: 'tier_up', tierUpTier: 'gold' })).trigger).toEqual({ type: 'tier_up', tier: 'gold' });
  });

  it('keeps an attached image with the text as its caption, and holds the caption to WhatsApp’s limit', () => {
    const poster = { id: 'media-1', mimeType: 'image/png', fileName: 'raya.png', sizeBytes: 2048 };
    expect(draftToInput(draft({ media: poster })).message).toEqual({ text: 'Hi {{first_name}}!', mediaId: 'media-1' });
    // A template carries no media of its own; the upload stays in the draft for the text tab.
    expect(draftToInput(draft({ media: poster, messageKind: 'template', templateId: 't' })).message).toEqual({ templateId: 't', parameters: [] });
    expect(stepErrors(draft({ media: poster, text: 'x'.repeat(901) }), 2)).toEqual({ text: 'With an image or video the text is its caption: at most 900 characters.' });
    expect(stepErrors(draft({ text: 'x'.repeat(901) }), 2)).toEqual({});
    const saved = { name: 'Raya', objective: null, type: 'marketing' as const, channelId: 'chan-1', audience: {}, trigger: null, scheduledAt: null, endsAt: null };
    expect(campaignToDraft({ ...saved, message: { text: 'Hi', mediaId: 'media-1' } }, new Map(), poster).media).toEqual(poster);
    expect(campaignToDraft({ ...saved, message: { text: 'Hi', mediaId: 'media-1' } }, new Map(), null).media).toBeNull();
    expect([stepOfField('message.mediaId'), localField('message.mediaId')]).toEqual([2, 'media']);
  });

  it('places a server error on the step and field that show it', () => {
    expect([stepOfField('message.parameters.0'), localField('message.parameters.0')]).toEqual([2, 'parameters.0']);
    expect([stepOfField('scheduledAt'), localField('scheduledAt')]).toEqual([3, 'startAt']);
    expect([stepOfField('audience.segmentIds.0'), localField('audience.segmentIds.0')]).toEqual([1, 'audience']);
  });
});
