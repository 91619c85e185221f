import { invalidRequest } from './errors';
import type { ButtonMessage, OutboundMedia, TemplateMessage, TemplateParameter } from './types';

// Meta's limits on what a message may hold (Messages API reference: text, media, interactive
// reply buttons). Every provider checks them, so what the sandbox accepts Meta accepts too.
const LIMITS = { text: 4096, caption: 1024, buttonBody: 1024, header: 60, footer: 60, buttonTitle: 20, buttonId: 256, buttons: 3 };

const length = (s: string) => [...s].length;

function within(value: string, max: number, what: string): void {
  if (length(value) > max) throw invalidRequest(`The ${what} is longer than WhatsApp’s ${max}-character limit.`);
}

export function checkText(body: string): void {
  if (!body.trim()) throw invalidRequest('The message is empty.');
  within(body, LIMITS.text, 'message');
}

export function checkMedia(media: OutboundMedia): void {
  if (Boolean(media.link) === Boolean(media.providerMediaId)) throw invalidRequest('Media needs either a link or an uploaded media id, not both.');
  if (media.link && !/^https?:\/\//i.test(media.link)) throw invalidRequest('A media link must be an http(s) URL.');
  if (media.caption !== undefined) {
    if (media.kind === 'audio' || media.kind === 'sticker') throw invalidRequest(`WhatsApp does not show captions on ${media.kind} messages.`);
    within(media.caption, LIMITS.caption, 'caption');
  }
  if (media.fileName !== undefined && media.kind !== 'document') throw invalidRequest('Only documents carry a file name.');
}

export function checkButtons(message: ButtonMessage): void {
  const { buttons } = message;
  if (buttons.length < 1 || buttons.length > LIMITS.buttons) throw invalidRequest('An interactive message needs one to three buttons.');
  if (!message.body.trim()) throw invalidRequest('The message is empty.');
  within(message.body, LIMITS.buttonBody, 'message');
  if (message.header !== undefined) within(message.header, LIMITS.header, 'header');
  if (message.footer !== undefined) within(message.footer, LIMITS.footer, 'footer');
  for (const b of buttons) {
    if (!b.id || !b.title.trim()) throw invalidRequest('Every button needs an id and a title.');
    within(b.title, LIMITS.buttonTitle, 'button title');
    within(b.id, LIMITS.buttonId, 'button id');
  }
  if (new Set(buttons.map((b) => b.id)).size !== buttons.length) throw invalidRequest('Button ids must be unique.');
  if (new Set(buttons.map((b) => b.title)).size !== buttons.length) throw invalidRequest('Button titles must be unique.');
}

export function checkTemplate(template: TemplateMessage): void {
  if (!template.name.trim() || !template.language.trim()) throw invalidRequest('A template needs a name and a language.');
}

function parameterText(p: TemplateParameter): string {
  if (p.type === 'text') return p.text;
  if (p.type === 'payload') return p.payload;
  return `[${p.type}]`;
}

function bodyParameters(template: TemplateMessage): TemplateParameter[] {
  return template.components.find((c) => c.type === 'body')?.parameters ?? [];
}

// The text a customer would read: Sembang's copy of the body with {{1}}… (or {{name}}) filled
// in. Without a local copy, the template's name and its values.
export function renderTemplate(template: TemplateMessage): string {
  const params = bodyParameters(template);
  if (!template.localBody) return [`[${template.name}]`, ...params.map(parameterText)].join(' ');
  return template.localBody.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, key: string) => {
    const named = params.find((p) => p.type === 'text' && p.parameter_name === key);
    const positional = /^\d+$/.test(key) ? params[Number(key) - 1] : undefined;
    const param = named ?? positional;
    return param ? parameterText(param) : match;
  });
}

export function templateValues(template: TemplateMessage): string[] {
  return bodyParameters(template).map(parameterText);
}

// For gateways without interactive messages: the button titles in bold under the body, as
// words to type back ("*YA* / *TIDAK*"); numbers would invite replies nobody understands.
export function buttonsAsText(message: ButtonMessage): string {
  const choices = message.buttons.map((b) => `*${b.title}*`).join(' / ');
  return [message.header, message.body, choices, message.footer].filter(Boolean).join('\n\n');
}
