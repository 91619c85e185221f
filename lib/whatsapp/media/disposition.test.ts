import { describe, expect, it } from 'vitest';
import { contentDisposition } from './disposition';

describe('contentDisposition', () => {
  it('shows images, video and audio inline', () => {
    expect(contentDisposition('image', 'image/jpeg', 'photo.jpg')).toBe('inline');
    expect(contentDisposition('audio', 'audio/ogg', null)).toBe('inline');
  });

  it('downloads documents under their file name', () => {
    expect(contentDisposition('document', 'application/pdf', 'Invois 2025.pdf')).toBe(`attachment; filename="Invois 2025.pdf"; filename*=UTF-8''Invois%202025.pdf`);
  });

  it('keeps non-ASCII names in filename* and an ASCII stand-in', () => {
    expect(contentDisposition('document', 'application/pdf', '收据.pdf')).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''%E6%94%B6%E6%8D%AE.pdf`);
  });

  it('strips quotes, control characters and path parts from the name', () => {
    const header = contentDisposition('document', 'text/plain', '..\\..\\evil"\r\nX-Injected: 1.txt');

    expect(header).toBe(`attachment; filename="evil_X-Injected: 1.txt"; filename*=UTF-8''evil%22X-Injected%3A%201.txt`);
    expect(header).not.toMatch(/[\r\n]/);
  });

  it('names a document without a name after its type', () => {
    expect(contentDisposition('document', 'application/pdf', null)).toBe(`attachment; filename="document.pdf"; filename*=UTF-8''document.pdf`);
    expect(contentDisposition('document', 'application/x-unknown', '  ')).toBe(`attachment; filename="document"; filename*=UTF-8''document`);
  });
});
