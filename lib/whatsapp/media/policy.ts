import { type SniffedType, dangerousContent, sniffMediaType } from './sniff';

export type MediaKind = 'image' | 'video' | 'audio' | 'document';

const MB = 1024 * 1024;

// WhatsApp's documented per-type limits (Cloud API "Supported media types"); MEDIA_MAX_BYTES
// caps them all further, so with the default 16 MB a document stops at 16 MB, not 100 MB.
export const WHATSAPP_MEDIA_LIMITS: Record<MediaKind, number> = {
  image: 5 * MB,
  video: 16 * MB,
  audio: 16 * MB,
  document: 100 * MB,
};

// The types WhatsApp carries, by what the bytes are. GIF is not a WhatsApp type but is
// harmless and shows inline; QuickTime is recognised only to be refused by name.
const KIND_BY_TYPE: Partial<Record<SniffedType, MediaKind>> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/gif': 'image',
  'video/mp4': 'video',
  'video/3gpp': 'video',
  'audio/mp4': 'audio',
  'audio/ogg': 'audio',
  'audio/mpeg': 'audio',
  'audio/aac': 'audio',
  'audio/amr': 'audio',
  'application/pdf': 'document',
};

// Office files are ZIP (OOXML) or OLE2 containers; the bytes say which container, the
// declared type says which format inside it.
const OFFICE_TYPES: Partial<Record<SniffedType, string[]>> = {
  'application/zip': [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ],
  'application/x-cfb': ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'],
};

export type MediaCheck = { ok: true; mimeType: string; kind: MediaKind } | { ok: false; reason: string };

export function limitFor(kind: MediaKind, maxBytes: number): number {
  return Math.min(WHATSAPP_MEDIA_LIMITS[kind], maxBytes);
}

// `audio/ogg; codecs=opus` → `audio/ogg`.
function baseType(declared: string | null): string | null {
  return declared?.split(';')[0]?.trim().toLowerCase() || null;
}

// Plain UTF-8 text: decodes strictly and has no control characters but tab, CR, LF, FF.
function isPlainText(bytes: Buffer): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  }
}

function identify(bytes: Buffer, declared: string | null): { mimeType: string; kind: MediaKind } | null {
  const sniffed = sniffMediaType(bytes);
  if (sniffed) {
    const kind = KIND_BY_TYPE[sniffed];
    if (kind) return { mimeType: sniffed, kind };
    if (declared && OFFICE_TYPES[sniffed]?.includes(declared)) return { mimeType: declared, kind: 'document' };
    return null;
  }
  // Text has no magic number: accepted only when declared as text and it really is text.
  if (declared === 'text/plain' && bytes.length > 0 && isPlainText(bytes)) return { mimeType: 'text/plain', kind: 'document' };
  return null;
}

// Decides whether inbound bytes may be kept, and as what.
export function checkMedia(bytes: Buffer, declaredMimeType: string | null, maxBytes: number): MediaCheck {
  const danger = dangerousContent(bytes);
  if (danger) return { ok: false, reason: `Refused: ${danger}.` };
  const declared = baseType(declaredMimeType);
  const found = identify(bytes, declared);
  if (!found) return { ok: false, reason: `Refused: unsupported or unrecognised file type (declared ${declared ?? 'none'}).` };
  const limit = limitFor(found.kind, maxBytes);
  if (bytes.length > limit) {
    return { ok: false, reason: `Refused: the ${found.kind} (${bytes.length.toLocaleString('en-US')} bytes) is over the ${formatBytes(limit)} limit.` };
  }
  return { ok: true, ...found };
}

export function formatBytes(n: number): string {
  if (n >= MB) return `${(n / MB).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

// How a stored type is shown: images, video and audio play inline, everything else downloads.
export function kindOfStoredType(mimeType: string): MediaKind {
  const top = mimeType.split('/')[0];
  return top === 'image' || top === 'video' || top === 'audio' ? top : 'document';
}
