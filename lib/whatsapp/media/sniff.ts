// What the bytes say a file is, from its magic numbers. The type a sender declares is not
// trusted: only this decides what we store and serve. Containers (ZIP, OLE2) come back as
// such; which Office format they hold is settled in policy.ts.
export type SniffedType =
  | 'image/jpeg'
  | 'image/png'
  | 'image/webp'
  | 'image/gif'
  | 'application/pdf'
  | 'video/mp4'
  | 'video/3gpp'
  | 'video/quicktime'
  | 'audio/mp4'
  | 'audio/ogg'
  | 'audio/mpeg'
  | 'audio/aac'
  | 'audio/amr'
  | 'application/zip'
  | 'application/x-cfb';

const startsWith = (bytes: Buffer, signature: number[] | string, offset = 0): boolean => {
  const sig = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return bytes.length >= offset + sig.length && bytes.subarray(offset, offset + sig.length).equals(sig);
};

// ISO base media files open with a `ftyp` box whose major brand names the flavour.
function sniffIsoMedia(bytes: Buffer): SniffedType | null {
  if (!startsWith(bytes, 'ftyp', 4) || bytes.length < 12) return null;
  const brand = bytes.toString('latin1', 8, 12);
  if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
  if (brand.startsWith('3g')) return 'video/3gpp';
  if (brand === 'qt  ') return 'video/quicktime';
  const mp4Brands = ['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ', 'MSNV'];
  return mp4Brands.includes(brand) ? 'video/mp4' : null;
}

// MPEG audio frames start with 11 set sync bits; the two layer bits tell ADTS AAC (00)
// from MP3 (01–11).
function sniffMpegAudio(bytes: Buffer): SniffedType | null {
  if (startsWith(bytes, 'ID3')) return 'audio/mpeg';
  const [b0, b1] = bytes;
  if (b0 !== 0xff || b1 === undefined || (b1 & 0xe0) !== 0xe0) return null;
  const layer = (b1 >> 1) & 0b11;
  if ((b1 & 0xf0) === 0xf0 && layer === 0) return 'audio/aac';
  return layer === 0 ? null : 'audio/mpeg';
}

export function sniffMediaType(bytes: Buffer): SniffedType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'image/webp';
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return 'image/gif';
  if (startsWith(bytes, '%PDF-')) return 'application/pdf';
  if (startsWith(bytes, 'OggS')) return 'audio/ogg';
  if (startsWith(bytes, '#!AMR')) return 'audio/amr';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'application/zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'application/x-cfb';
  return sniffIsoMedia(bytes) ?? sniffMpegAudio(bytes);
}

const MAGIC_EXECUTABLES: Array<{ signature: number[] | string; what: string }> = [
  { signature: 'MZ', what: 'a Windows executable' },
  { signature: [0x7f, 0x45, 0x4c, 0x46], what: 'an ELF executable' },
  { signature: [0xfe, 0xed, 0xfa, 0xce], what: 'a Mach-O executable' },
  { signature: [0xfe, 0xed, 0xfa, 0xcf], what: 'a Mach-O executable' },
  { signature: [0xce, 0xfa, 0xed, 0xfe], what: 'a Mach-O executable' },
  { signature: [0xcf, 0xfa, 0xed, 0xfe], what: 'a Mach-O executable' },
  { signature: [0xca, 0xfe, 0xba, 0xbe], what: 'a Mach-O or Java class file' },
];

const MARKUP_OPENERS = ['<!doctype html', '<html', '<head', '<body', '<script', '<iframe', '<svg', '<!--'];

// A reason when the bytes are something a browser or an OS would run: executables, scripts,
// HTML and SVG (which carries script). Such files are refused whatever type they claim.
export function dangerousContent(bytes: Buffer): string | null {
  for (const { signature, what } of MAGIC_EXECUTABLES) if (startsWith(bytes, signature)) return `the file is ${what}`;
  if (startsWith(bytes, '#!') && !startsWith(bytes, '#!AMR')) return 'the file is a script';
  const head = bytes
    .toString('latin1', 0, Math.min(bytes.length, 1024))
    .replace(/^(\u00ef\u00bb\u00bf|\u00fe\u00ff|\u00ff\u00fe)/, '')
    .replace(/\u0000/g, '')
    .trimStart()
    .toLowerCase();
  if (MARKUP_OPENERS.some((opener) => head.startsWith(opener))) return 'the file is HTML or SVG';
  if (head.startsWith('<?xml') && /<(svg|html)[\s>]/.test(head)) return 'the file is HTML or SVG';
  return null;
}
