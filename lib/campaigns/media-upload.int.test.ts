import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { media } from '@/db/schema';
import { createLocalStorage } from '@/lib/storage/local';
import { addMember } from '@/lib/testing/factories';
import { useTestDatabase } from '@/lib/testing/database';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { readStoredMedia } from '@/lib/whatsapp/media/read-media';
import { createCampaign, updateCampaign } from './campaigns';
import { storeCampaignMedia } from './media-upload';
import { createCampaignChannel, createCampaignCustomers } from './test-helpers';

const t = useTestDatabase();
const dir = mkdtempSync(path.join(tmpdir(), 'sembang-campaign-media-'));
const storage = createLocalStorage(dir);
const MB = 1024 * 1024;
let two: TwoTenants;
let channelId: string;
let customerIds: string[];

const png = (size = 64) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(size - 8, 1)]);
// An ISO media file whose `ftyp` box names the given brand.
const iso = (brand: string, size = 64) => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(`ftyp${brand}`, 'latin1'), Buffer.alloc(size - 12, 0)]);
const store = (bytes: Buffer, fileName = 'promo.png', ctx = two.a) => storeCampaignMedia(t.db, ctx, { bytes, fileName }, { storage, maxBytes: 16 * MB });
const fileError = (message: RegExp) => ({ code: 'validation', fieldErrors: [{ field: 'file', message: expect.stringMatching(message) }] });

beforeAll(async () => {
  two = await createTwoTenants(t.db);
  channelId = await createCampaignChannel(t.db, two.a);
  customerIds = await createCampaignCustomers(t.db, two.a, channelId, [{ consent: 'granted', wroteHoursAgo: 1 }]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('storeCampaignMedia', () => {
  it('stores a PNG under the tenant’s key with a stored media row and no channel, served like any media', async () => {
    const bytes = png(2048);
    const stored = await store(bytes, 'C:\\Users\\ali\\Raya sale.png');

    expect(stored).toMatchObject({ mimeType: 'image/png', sizeBytes: 2048 });
    const [row] = await t.db.select().from(media).where(and(eq(media.tenantId, two.a.tenantId), eq(media.id, stored.mediaId)));
    expect(row).toMatchObject({ status: 'stored', mimeType: 'image/png', sizeBytes: 2048, fileName: 'Raya sale.png', channelId: null, providerMediaId: null, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(row!.storageKey).toMatch(new RegExp(`^${two.a.tenantId}/\\d{4}/\\d{2}/[0-9a-f-]{36}$`));
    expect(await storage.get(row!.storageKey!)).toEqual({ bytes, contentType: 'image/png' });
    // GET /api/media/:id reads through this: the tenant's members get it, another tenant does not.
    expect(await readStoredMedia(t.db, { tenantId: two.a.tenantId, mediaId: stored.mediaId }, storage)).toMatchObject({ mimeType: 'image/png', kind: 'image', fileName: 'Raya sale.png' });
    await expect(readStoredMedia(t.db, { tenantId: two.b.tenantId, mediaId: stored.mediaId }, storage)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('takes JPEG, MP4 and 3GP by their bytes, whatever the name says', async () => {
    expect((await store(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60)]), 'photo.png')).mimeType).toBe('image/jpeg');
    expect((await store(iso('isom'), 'clip.mov')).mimeType).toBe('video/mp4');
    expect((await store(iso('3gp4'), 'clip.3gp')).mimeType).toBe('video/3gpp');
  });

  it('refuses what WhatsApp does not send as an image or video, and empty files', async () => {
    const before = await t.db.$count(media, eq(media.tenantId, two.a.tenantId));
    await expect(store(Buffer.from('GIF89a-------'), 'dance.gif')).rejects.toMatchObject(fileError(/JPEG or PNG image, or an MP4 or 3GP video/));
    await expect(store(Buffer.concat([Buffer.from('RIFF0000WEBP'), Buffer.alloc(20)]), 'sticker.webp')).rejects.toMatchObject(fileError(/JPEG or PNG/));
    await expect(store(iso('qt  '), 'clip.mov')).rejects.toMatchObject(fileError(/MP4 or 3GP/));
    await expect(store(Buffer.from('%PDF-1.7\n'), 'menu.png')).rejects.toMatchObject(fileError(/JPEG or PNG/));
    await expect(store(Buffer.from('<svg onload="alert(1)"></svg>'), 'logo.png')).rejects.toMatchObject(fileError(/JPEG or PNG/));
    await expect(store(Buffer.alloc(0), 'empty.png')).rejects.toMatchObject(fileError(/empty/));
    expect(await t.db.$count(media, eq(media.tenantId, two.a.tenantId))).toBe(before);
  });

  it('holds images to 5 MB and videos to 16 MB', async () => {
    expect((await store(png(5 * MB))).sizeBytes).toBe(5 * MB);
    await expect(store(png(5 * MB + 1))).rejects.toMatchObject(fileError(/images up to 5 MB; this one is 5,242,881 bytes/));
    expect((await store(iso('mp42', 16 * MB), 'clip.mp4')).sizeBytes).toBe(16 * MB);
    await expect(store(iso('mp42', 16 * MB + 1), 'clip.mp4')).rejects.toMatchObject(fileError(/videos up to 16 MB/));
  });

  it('is for owners and admins, like the campaigns it goes with', async () => {
    const agent = await addMember(t.db, two.a, 'agent');
    await expect(store(png(), 'promo.png', agent)).rejects.toMatchObject({ code: 'forbidden' });
    const admin = await addMember(t.db, two.a, 'admin');
    expect((await store(png(), 'promo.png', admin)).mimeType).toBe('image/png');
  });
});

describe('a campaign with uploaded media', () => {
  const campaign = (mediaId: string, text = 'Jualan Raya {{first_name}}!') => ({ name: 'Raya poster', type: 'marketing' as const, channelId, audience: { customerIds }, message: { text, mediaId } });

  it('takes the tenant’s own upload and refuses another tenant’s, also when a draft is changed', async () => {
    const own = await store(png());
    const created = await createCampaign(t.db, two.a, campaign(own.mediaId));
    expect(created.message).toEqual({ text: 'Jualan Raya {{first_name}}!', mediaId: own.mediaId });

    const theirs = await store(png(), 'theirs.png', two.b);
    await expect(createCampaign(t.db, two.a, campaign(theirs.mediaId))).rejects.toMatchObject({ code: 'validation', fieldErrors: [{ field: 'message.mediaId', message: 'No media file with that id.' }] });
    await expect(updateCampaign(t.db, two.a, created.id, { message: { text: 'Hai', mediaId: theirs.mediaId } })).rejects.toMatchObject({ fieldErrors: [{ field: 'message.mediaId' }] });
  });

  it('refuses a media row of the tenant’s that is not a stored file', async () => {
    const [pending] = await t.db.insert(media).values({ tenantId: two.a.tenantId, mimeType: 'image/jpeg', status: 'pending' }).returning({ id: media.id });
    await expect(createCampaign(t.db, two.a, campaign(pending!.id))).rejects.toMatchObject({ fieldErrors: [{ field: 'message.mediaId', message: 'No media file with that id.' }] });
  });
});
