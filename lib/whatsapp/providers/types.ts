import type { templateCategories, templateHeaderTypes, templateStatuses } from '@/db/schema';
import type { Recipient } from '@/lib/whatsapp/types';

// What every outbound channel (Meta's Cloud API, the wabot gateway, the sandbox) offers.
// Callers pass decrypted credentials; providers never touch the database.

export interface SendResult {
  wamid: string;
}

export type MediaKind = 'image' | 'document' | 'video' | 'audio' | 'sticker';

export interface OutboundMedia {
  kind: MediaKind;
  // Exactly one of these: a public https link, or an id from uploadMedia.
  link?: string;
  providerMediaId?: string;
  // Image, video and document only.
  caption?: string;
  // Document only.
  fileName?: string;
}

export interface ReplyButton {
  id: string;
  title: string;
}

export interface ButtonMessage {
  body: string;
  buttons: ReplyButton[];
  header?: string;
  footer?: string;
}

type MediaRef = { id: string; link?: never } | { link: string; id?: never };

// Template parameters and components exactly as Meta's send-template request takes them.
export type TemplateParameter =
  | { type: 'text'; text: string; parameter_name?: string }
  | { type: 'payload'; payload: string }
  | { type: 'image'; image: MediaRef }
  | { type: 'video'; video: MediaRef }
  | { type: 'document'; document: MediaRef & { filename?: string } };

export type TemplateComponent =
  | { type: 'header' | 'body'; parameters: TemplateParameter[] }
  | { type: 'button'; sub_type: 'quick_reply' | 'url'; index: string; parameters: TemplateParameter[] };

export interface TemplateMessage {
  name: string;
  language: string;
  components: TemplateComponent[];
  // Sembang's copy of the body ({{1}}, {{2}}, …). Meta renders templates itself; the sandbox
  // and the wabot gateway render this text locally instead.
  localBody?: string;
}

export type TemplateCategory = (typeof templateCategories)[number];
export type TemplateStatus = (typeof templateStatuses)[number];
export type TemplateHeaderType = (typeof templateHeaderTypes)[number];

export interface QuickReplyButton {
  type: 'quick_reply';
  text: string;
}

// A template as the provider holds it (Meta's /{waba-id}/message_templates).
export interface RemoteTemplate {
  providerTemplateId: string;
  name: string;
  language: string;
  category: TemplateCategory | null;
  status: TemplateStatus;
  rejectionReason: string | null;
  body: string;
  headerType: TemplateHeaderType;
  headerText: string | null;
  footer: string | null;
  buttons: QuickReplyButton[];
}

// A template to submit for review.
export interface TemplateDefinition {
  name: string;
  language: string;
  category: TemplateCategory;
  body: string;
  // One sample value per body parameter, in order; Meta requires them when the body has any.
  bodyExamples: string[];
  header?: { type: 'text'; text: string; example?: string } | { type: 'image' | 'video' | 'document'; handle: string };
  footer?: string;
  buttons?: QuickReplyButton[];
}

export interface FetchedMedia {
  bytes: Buffer;
  mimeType: string | null;
  fileName?: string;
}

export interface ConnectionInfo {
  verifiedName: string | null;
  displayPhoneNumber: string | null;
  qualityRating: string | null;
}

export interface UploadableMedia {
  bytes: Buffer;
  mimeType: string;
  fileName?: string;
}

export interface WhatsAppProvider {
  readonly type: 'cloud' | 'wabot' | 'sandbox';
  sendText(to: Recipient, body: string, options?: { replyToWamid?: string; previewUrl?: boolean }): Promise<SendResult>;
  sendMedia(to: Recipient, media: OutboundMedia): Promise<SendResult>;
  sendTemplate(to: Recipient, template: TemplateMessage): Promise<SendResult>;
  sendButtons(to: Recipient, message: ButtonMessage): Promise<SendResult>;
  uploadMedia?(file: UploadableMedia): Promise<{ providerMediaId: string }>;
  fetchMedia(providerMediaId: string, limits: { maxBytes: number }): Promise<FetchedMedia>;
  checkConnection(): Promise<ConnectionInfo>;
  listTemplates?(): Promise<RemoteTemplate[]>;
  submitTemplate?(template: TemplateDefinition): Promise<{ providerTemplateId: string; status: TemplateStatus }>;
}
