import { findDates } from './dates';
import { compactLetters, containsAny } from './keywords';
import { median } from './image/gray';
import type { OcrLine } from './types';

const ADDRESS = /\b(JALAN|JLN|TAMAN|TMN|LORONG|LRG|PERSIARAN|LEBUH|LEBUHRAYA|KAWASAN|BANDAR|KAMPUNG|KG|BATU|BLOK|BLOCK|LEVEL|TINGKAT|FLOOR|FLR|PLAZA|WISMA|KOMPLEKS|PUSAT|SEKSYEN|SECTION|LOT|NO\.?|P\.?O\.? BOX|ROAD|STREET|AVENUE)\b|\b\d{5}\b/i;
const CONTACT = /\b(TEL|FAX|PHONE|TELEPHONE|H\/P|HP|EMAIL|E-MAIL|WWW|HTTP|WEBSITE)\b|@|\.COM\b|\d{2,4}-\d{3,4}\s?\d{3,4}/i;
const REGISTRATION = /\b(GST|SST|REG|ROC|SSM|CO\.?\s?NO|COMPANY\s?NO|BRN|TIN|ID)\b|\(\d{4,}-[A-Z]\)|\d{6,}-[A-Z]\b|\d{12}/i;
const TITLES = ['TAX INVOICE', 'CREDIT NOTE', 'DEBIT NOTE', 'DELIVERY ORDER', 'QUOTATION', 'SIMPLIFIED', 'INVOICE', 'RECEIPT', 'RESIT', 'CASH BILL', 'OFFICIAL', 'WELCOME', 'SELAMAT DATANG', 'THANK YOU', 'TERIMA KASIH', 'COPY', 'SALINAN', 'BILL', 'ORDER', 'CHECK'];
const BUSINESS = /\b(SDN\.?\s?BHD|BHD|S\/B|ENTERPRISE|ENT|TRADING|RESTORAN|RESTAURANT|KEDAI|PASARAYA|MART|MARKET|STORE|STORES|SHOP|HARDWARE|BAKERY|CAFE|KOPITIAM|PHARMACY|FARMASI|STATIONERY|BOOKS|HOLDINGS|CORPORATION|GROUP|INDUSTRIES|PLT|SUPERMARKET|HYPERMARKET|MINI MARKET|BISTRO|KITCHEN|FOOD|MAMAK|STATION|PETRO|PERNIAGAAN)\b/i;
// A registered company's suffix: the line is the legal name printed under the logo.
const COMPANY = /\b(SDN\.?\s?BHD|BHD|BERHAD|S\/B|PLT)\b/i;
// A line of nothing but kinds of business ("BISTRO & CAFE") describes the shop under its name.
const DESCRIPTOR_WORD = /^(RESTORAN|RESTAURANT|CAFE|BISTRO|KOPITIAM|BAKERY|KITCHEN|FOOD|BAR|GRILL|HARDWARE|ELECTRICAL|STATIONERY|BOOKS|PHARMACY|FARMASI|MART|MARKET|MINI|SUPERMARKET|HYPERMARKET|STORE|STORES|SHOP|TRADING|ENTERPRISE|AND|&)$/i;
const isDescriptor = (text: string) => text.split(/[\s,.]+/).filter(Boolean).every((word) => DESCRIPTOR_WORD.test(word));
// Receipt words that stand alone on a line above the items, never a shop's name.
const RECEIPT_WORDS = new Set(['CASH', 'CREDIT', 'TOTAL', 'PAID', 'COPY', 'REPRINT', 'DUPLICATE']);
// The items table's column titles.
const COLUMN_HEADER = /\b(ITEM|QTY|PRICE|AMOUNT|DESCRIPTION|DESC|HARGA|KUANTITI|AMAUN|BARANG)\b/gi;
// Below this Tesseract read a logo or a smudge, not letters.
const MIN_LINE_CONFIDENCE = 0.3;

const STATES = ['JOHOR', 'KEDAH', 'KELANTAN', 'MELAKA', 'MALACCA', 'NEGERI SEMBILAN', 'PAHANG', 'PULAU PINANG', 'PENANG', 'PERAK', 'PERLIS', 'SELANGOR', 'TERENGGANU', 'SABAH', 'SARAWAK', 'KUALA LUMPUR', 'LABUAN', 'PUTRAJAYA', 'MALAYSIA'];

// A company number printed after the name, "(126926-H)" or "(JM0517726-X)", is not part of it.
const TRAILING_REGISTRATION = /\s*\(?\b[A-Z]{0,3}\d{5,}-?[A-Z]?\)?\s*$/;

// A line that is only a state name ("SELANGOR DARUL EHSAN", "JOHOR.").
const isStateOnly = (text: string) => STATES.some((s) => compactLetters(text).replace(/DE$|DARULEHSAN$/, '').endsWith(compactLetters(s))) && !/\d/.test(text);

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
    if (RECEIPT_WORDS.has(compact) || line.confidence < MIN_LINE_CONFIDENCE) continue;
    // A name has a word of three letters or more; "pt A DA pr" is a smudge read as letters.
    if (!/[A-Za-z]{3}/.test(text) || (text.match(COLUMN_HEADER) ?? []).length >= 2) continue;
    let score = 3 - index * 0.35;
    const upper = (text.match(/[A-Z]/g) ?? []).length;
    score += upper / letters > 0.7 ? 1 : -1.5;
    if (COMPANY.test(text)) score += 2.5;
    else if (isDescriptor(text)) score -= 0.5;
    else if (BUSINESS.test(text)) score += 1.5;
    if (ADDRESS.test(text)) score -= 2;
    if (CONTACT.test(text)) score -= 3;
    if (REGISTRATION.test(text)) score -= 2;
    if (STATES.some((s) => compact.includes(compactLetters(s)))) score -= isStateOnly(text) ? 3 : 1;
    // A branch or outlet name in brackets, "(TESCO MUTIARA DAMANSARA)".
    if (/^\(.*\)$/.test(text)) score -= 2;
    if (typical > 0 && line.box && line.box.y1 - line.box.y0 >= typical * 1.3) score += 1;
    score += (line.confidence - 0.7) * 2;
    if (!best || score > best.score) best = { text, index, score };
  }
  if (!best || best.score <= 0) return null;
  // A name broken after "&" or "AND" continues on the next line.
  const next = lines[best.index + 1];
  if (/(&|\bAND)\s*$/i.test(lines[best.index]!.text) && next && !ADDRESS.test(next.text) && !CONTACT.test(next.text)) {
    return { name: cleanMerchant(`${lines[best.index]!.text} ${next.text}`), index: best.index + 1 };
  }
  return { name: best.text, index: best.index };
}

const isAddressLine = (text: string) => {
  const compact = compactLetters(text);
  return ADDRESS.test(text) || STATES.some((s) => compact.includes(compactLetters(s)));
};
const POSTCODE = /\b\d{5}\b/;
const ENDS_ADDRESS = /\b(GST|SST)\s*(ID|NO|REG)|\bREG\b|\bTELEPHONE\b/i;

// The shop's address: the address-like lines just under its name (a company number or a
// garbled line may sit in between), ending with the postcode line and perhaps the state.
export function pickAddress(lines: OcrLine[], merchantIndex: number): string | null {
  const parts: string[] = [];
  let skipped = 0;
  let postcodeSeen = false;
  for (const line of lines.slice(merchantIndex + 1, merchantIndex + 9)) {
    const text = line.text.trim();
    const headerEnds = CONTACT.test(text) || containsAny(text, TITLES) || findDates(text).length > 0;
    const registration = REGISTRATION.test(text) || ENDS_ADDRESS.test(text);
    if (parts.length === 0) {
      if (headerEnds) break;
      if (registration || !isAddressLine(text)) {
        if (skipped++ < 2) continue;
        break;
      }
    } else if (headerEnds || registration || (postcodeSeen && !isStateOnly(text))) {
      break;
    }
    parts.push(text);
    postcodeSeen ||= POSTCODE.test(text);
  }
  return parts.length ? parts.join(' ') : null;
}
