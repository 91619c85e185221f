import type { MediaKind } from './policy';

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

// Images, video and audio show in the inbox; documents download under the sender's file name.
// The name is the customer's input: control characters and path parts go, and it travels as
// an RFC 6266 `filename*` with a plain ASCII fallback for old clients.
export function contentDisposition(kind: MediaKind, mimeType: string, fileName: string | null): string {
  if (kind !== 'document') return 'inline';
  const extension = EXTENSIONS[mimeType];
  const cleaned = (fileName ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .split(/[\\/]/)
    .pop()
    ?.trim();
  const name = cleaned || (extension ? `document.${extension}` : 'document');
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRFC5987(name)}`;
}

function encodeRFC5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
