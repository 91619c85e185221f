import { findDates } from './dates';
import { compactLetters, containsAny } from './keywords';
import { median } from './image/gray';
import type { OcrLine } from './types';

const ADDRESS = /\b(JALAN|JLN|TAMAN|TMN|LORONG|LRG|PERSIARAN|LEBUH|LEBUHRAYA|KAWASAN|BANDAR|KAMPUNG|KG|BATU|BLOK|BLOCK|LEVEL|TINGKAT|FLOOR|FLR|PLAZA|WISMA|KOMPLEKS|PUSAT|SEKSYEN|SECTION|LOT|NO\.?|P\.?O\.? BOX|ROAD|STREET|AVENUE)\b|\b\d{5}\b/i;
const CONTACT = /\b(TEL|FAX|PHONE|H\/P|HP|EMAIL|E-MAIL|WWW|HTTP|WEBSITE)\b|@|\.COM\b|\d{2,4}-\d{3,4}\s?\d{3,4}/i;
const REGISTRATION = /\b(GST|SST|REG|ROC|SSM|CO\.?\s?NO|COMPANY\s?NO|BRN|TIN|ID)\b|\(\d{4,}-[A-Z]\)|\d{6,}-[A-Z]\b|\d{12}/i;
const TITLES = ['TAX INVOICE', 'SIMPLIFIED', 'INVOICE', 'RECEIPT', 'RESIT', 'CASH BILL', 'OFFICIAL', 'WELCOME', 'SELAMAT DATANG', 'THANK YOU', 'TERIMA KASIH', 'COPY', 'SALINAN', 'BILL', 'ORDER', 'CHECK'];
const BUSINESS = /\b(SDN\.?\s?BHD|BHD|S\/B|ENTERPRISE|ENT|TRADING|RESTORAN|RESTAURANT|KEDAI|PASARAYA|MART|MARKET|STORE|STORES|SHOP|HARDWARE|BAKERY|CAFE|KOPITIAM|PHARMACY|FARMASI|STATIONERY|BOOKS|HOLDINGS|CORPORATION|GROUP|INDUSTRIES|PLT|SUPERMARKET|HYPERMARKET|MINI MARKET|BISTRO|KITCHEN|FOOD|MAMAK|STATION|PETRO|PERNIAGAAN)\b/i;
const STATES = ['JOHOR', 'KEDAH', 'KELANTAN', 'MELAKA', 'MALACCA', 'NEGERI SEMBILAN', 'PAHANG', 'PULAU PINANG', 'PENANG', 'PERAK', 'PERLIS', 'SELANGOR', 'TERENGGANU', 'SABAH', 'SARAWAK', 'KUALA LUMPUR', 'LABUAN', 'PUTRAJAYA', 'MALAYSIA'];

// A company number printed after the name, "(126926-H)" or "(JM0517726-X)", is not part of it.
const TRAILING_REGISTRATION = /\s*\(?\b[A-Z]{0,3}\d{5,}-?[A-Z]?\)?\s*$/;

function cleanMerchant(text: string): string {
  return text
    .replace(TRAILING_REGISTRATION, '')
    .replace(/^[^A-Za-z0-9(]+/, '')
    .replace(/[^A-Za-z0-9).]+$/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

// The shop's name: near the top, printed large, in capitals, mostly letters, and not an
// address, phone, registration number or document title. The header ends where dates,
// receipt numbers or amounts start.
export function pickMerchant(lines: OcrLine[]): { name: string; index: number } | null {
  const heights = lines.flatMap((l) => (l.box ? [l.box.y1 - l.box.y0] : []));
  const typical = median(heights);
  let best: { text: string; index: number; score: number } | null = null;
  const header = lines.slice(0, 12);
  for (const [index, line] of header.entries()) {
    const text = cleanMerchant(line.text);
    const letters = (text.match(/[A-Za-z]/g) ?? []).length;
    if (letters < 3 || letters / Math.max(1, text.replace(/\s/g, '').length) < 0.55) continue;
    if (/\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}:\d{2}/.test(text) || /\d+\.\d{2}\b/.test(text)) continue;
    const compact = compactLetters(text);
    if (containsAny(text, TITLES) && !BUSINESS.test(text)) continue;
    let score = 3 - index * 0.35;
    const upper = (text.match(/[A-Z]/g) ?? []).length;
    score += upper / letters > 0.7 ? 1 : -1.5;
    if (BUSINESS.test(text)) score += 1.5;
    if (ADDRESS.test(text)) score -= 2;
    if (CONTACT.test(text)) score -= 3;
    if (REGISTRATION.test(text)) score -= 2;
    if (STATES.some((s) => compact === compactLetters(s) || compact.endsWith(compactLetters(s)))) score -= 1.5;
    if (typical > 0 && line.box && line.box.y1 - line.box.y0 >= typical * 1.3) score += 1;
    score += (line.confidence - 0.7) * 2;
    if (!best || score > best.score) best = { text, index, score };
  }
  return best && best.score > 0 ? { name: best.text, index: best.index } : null;
}

const isAddressLine = (text: string) => {
  const compact = compactLetters(text);
  return ADDRESS.test(text) || STATES.some((s) => compact.includes(compactLetters(s)));
};

// The shop's address: the address-like lines just under its name (a company number may sit
// in between), up to the phone, tax number or document title.
export function pickAddress(lines: OcrLine[], merchantIndex: number): string | null {
  const parts: string[] = [];
  for (const line of lines.slice(merchantIndex + 1, merchantIndex + 9)) {
    const text = line.text.trim();
    if (parts.length === 0 && !isAddressLine(text)) {
      if (REGISTRATION.test(text) || BUSINESS.test(text) || /^\(.*\)$/.test(text)) continue;
      break;
    }
    if (CONTACT.test(text) || /\b(GST|SST|REG)\b/i.test(text) || containsAny(text, TITLES) || findDates(text).length > 0) break;
    parts.push(text);
  }
  return parts.length ? parts.join(' ') : null;
}
