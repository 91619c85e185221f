import { describe, expect, it } from 'vitest';
import { file, mediaInfo, metaError } from '@/lib/testing/fake-graph-api';
import { useCloudHarness } from './cloud-test-harness';

const TOKEN = 'EAAG-test-token';
const h = useCloudHarness();

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);

describe('cloud provider: fetchMedia', () => {
  it('gets the media URL, then downloads it with the bearer token', async () => {
    h.api.reply(mediaInfo(h.api, { id: '1037543291543636', mimeType: 'image/jpeg', size: jpeg.length }), file(jpeg, 'image/jpeg'));
    const media = await h.provider.fetchMedia('1037543291543636', { maxBytes: 1024 * 1024 });
    expect(media.bytes.equals(jpeg)).toBe(true);
    expect(media.mimeType).toBe('image/jpeg');
    const [lookup, download] = h.api.requests;
    expect(lookup).toMatchObject({ method: 'GET', path: '/v26.0/1037543291543636' });
    expect(lookup?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(download).toMatchObject({ method: 'GET', path: '/whatsapp_business/attachments/' });
    expect(download?.query.get('mid')).toBe('1037543291543636');
    expect(download?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('takes the file name from Content-Disposition', async () => {
    const pdf = Buffer.from('%PDF-1.7 hello');
    h.api.reply(
      mediaInfo(h.api, { id: 'doc1', mimeType: 'application/pdf', size: pdf.length }),
      file(pdf, 'application/pdf', { headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="resit.pdf"' } }),
    );
    await expect(h.provider.fetchMedia('doc1', { maxBytes: 1000 })).resolves.toMatchObject({ fileName: 'resit.pdf', mimeType: 'application/pdf' });
  });

  it('refuses media whose declared size is over the limit before downloading', async () => {
    h.api.reply(mediaInfo(h.api, { id: 'big', mimeType: 'video/mp4', size: 50 * 1024 * 1024 }));
    await expect(h.provider.fetchMedia('big', { maxBytes: 16 * 1024 * 1024 })).rejects.toMatchObject({ kind: 'invalid', retryable: false, message: expect.stringMatching(/16 MB/) });
    expect(h.api.requests).toHaveLength(1);
  });

  it('stops reading a download that grows past the limit', async () => {
    const big = Buffer.alloc(200 * 1024, 1);
    h.api.reply(mediaInfo(h.api, { id: 'liar', mimeType: 'image/jpeg', size: 1000 }), file(big, 'image/jpeg', { chunked: true }));
    await expect(h.provider.fetchMedia('liar', { maxBytes: 64 * 1024 })).rejects.toMatchObject({ kind: 'invalid', retryable: false });
  });

  it('refuses a Content-Length over the limit', async () => {
    const big = Buffer.alloc(100 * 1024, 1);
    h.api.reply(mediaInfo(h.api, { id: 'cl', mimeType: 'image/jpeg', size: 10 }), file(big, 'image/jpeg'));
    await expect(h.provider.fetchMedia('cl', { maxBytes: 1024 })).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('never sends the token to a host that is not Meta’s', async () => {
    h.api.reply({ json: { messaging_product: 'whatsapp', url: 'https://attacker.example/steal', mime_type: 'image/jpeg', file_size: 10, id: 'x' } });
    await expect(h.provider.fetchMedia('x', { maxBytes: 1024 })).rejects.toMatchObject({ kind: 'invalid', message: expect.stringMatching(/attacker\.example/) });
    expect(h.api.requests).toHaveLength(1);
  });

  it('refuses plain http on a Meta domain too', async () => {
    h.api.reply({ json: { url: 'http://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1', mime_type: 'image/jpeg', id: 'y' } });
    await expect(h.provider.fetchMedia('y', { maxBytes: 1024 })).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('does not retry an unknown media id', async () => {
    h.api.reply(metaError(100, { title: 'Invalid parameter', subcode: 33 }));
    await expect(h.provider.fetchMedia('nope', { maxBytes: 1024 })).rejects.toMatchObject({ kind: 'invalid', code: 100, subcode: 33 });
    expect(h.api.requests).toHaveLength(1);
  });

  it('starts over with a fresh URL when the download fails on the server', async () => {
    h.api.reply(
      mediaInfo(h.api, { id: 'm', mimeType: 'image/jpeg', size: jpeg.length }),
      { status: 503, body: 'unavailable' },
      mediaInfo(h.api, { id: 'm', mimeType: 'image/jpeg', size: jpeg.length }),
      file(jpeg, 'image/jpeg'),
    );
    const media = await h.provider.fetchMedia('m', { maxBytes: 1024 * 1024 });
    expect(media.bytes.length).toBe(jpeg.length);
    expect(h.api.requests.map((r) => r.path)).toEqual(['/v26.0/m', '/whatsapp_business/attachments/', '/v26.0/m', '/whatsapp_business/attachments/']);
  });
});
