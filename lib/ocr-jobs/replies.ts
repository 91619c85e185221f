import type { ConsentStatus, Tier } from '@/db/schema';
import type { ReplyLanguage } from '@/lib/consent/keywords';
import type { OcrFailureReason } from '@/lib/ocr/types';
import { formatRinggit } from '@/lib/purchases/money';
import { tierLabels } from '@/lib/purchases/tier-labels';

// What Sembang answers to a photo of a receipt or an IC card, in Malay or English. IC replies
// that save a profile reuse the typed-IC replies (lib/customers/profile-replies).

type Texts = Readonly<Record<ReplyLanguage, string>>;
export type DocumentKindTold = 'receipt' | 'ic_card';

const dmy = (isoDate: string) => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;

export interface RecordedReceipt {
  merchant: string | null;
  total: string;
  date: string;
  totalSpent: string;
  tier: Tier;
}

export function receiptRecordedReply(language: ReplyLanguage, r: RecordedReceipt): string {
  const amount = formatRinggit(r.total);
  const spent = formatRinggit(r.totalSpent);
  const tier = tierLabels[language][r.tier];
  if (language === 'ms') {
    const where = r.merchant ? ` di ${r.merchant}` : '';
    return `Terima kasih! Pembelian anda${where} sebanyak ${amount} (${dmy(r.date)}) telah direkodkan. Jumlah belanja anda kini ${spent} dan tahap anda ialah ${tier}.`;
  }
  const where = r.merchant ? ` at ${r.merchant}` : '';
  return `Thank you! We recorded your purchase${where} of ${amount} (${dmy(r.date)}). Your total spend is now ${spent} and your tier is ${tier}.`;
}

export const receiptDuplicateReply: Texts = {
  en: 'Thank you! This receipt has already been recorded, so we have not added it again. If you think this is a mistake, reply here and our team will check.',
  ms: 'Terima kasih! Resit ini telah pun direkodkan, jadi kami tidak menambahnya lagi. Jika anda rasa ini satu kesilapan, balas di sini dan pasukan kami akan menyemaknya.',
};

export const inReviewReply: Readonly<Record<DocumentKindTold, Texts>> = {
  receipt: {
    en: 'Thank you! We received your receipt and our team is checking it. We will let you know once it is recorded.',
    ms: 'Terima kasih! Kami telah menerima resit anda dan pasukan kami sedang menyemaknya. Kami akan maklumkan sebaik sahaja ia direkodkan.',
  },
  ic_card: {
    en: 'Thank you! We received the photo of your IC and our team is checking it. We will let you know once your details are saved.',
    ms: 'Terima kasih! Kami telah menerima gambar IC anda dan pasukan kami sedang menyemaknya. Kami akan maklumkan sebaik sahaja butiran anda disimpan.',
  },
};

export const unrecognisedReply: Texts = {
  en: 'Thanks for the picture! If it is a receipt or your IC card, please send a clear photo of the whole document, flat and in good light, so we can read it. For anything else, our team will reply here.',
  ms: 'Terima kasih atas gambar itu! Jika ia resit atau kad IC anda, sila hantar gambar yang jelas bagi keseluruhan dokumen, rata dan dalam cahaya yang baik, supaya kami boleh membacanya. Untuk perkara lain, pasukan kami akan membalas di sini.',
};

// Pending customers answer the notice with YES; anyone else opts in with START.
export function icNeedsConsentReply(language: ReplyLanguage, status: ConsentStatus): string {
  const pending = status === 'pending';
  if (language === 'ms') {
    const how = pending ? 'sila balas YA pada notis kami di atas' : 'sila balas START untuk memberi persetujuan';
    return `Terima kasih atas gambar IC anda. Kami hanya boleh menyimpan butiran IC anda selepas anda bersetuju dengan notis privasi kami: ${how}, kemudian hantar gambar itu semula. Nombor IC anda tidak disimpan.`;
  }
  const how = pending ? 'please reply YES to our notice above' : 'please reply START to give your consent';
  return `Thank you for the photo of your IC. We can only save your IC details after you agree to our privacy notice: ${how}, then send the photo again. We have not kept your IC number.`;
}

export const rejectedReply: Readonly<Record<DocumentKindTold, Texts>> = {
  receipt: {
    en: 'Sorry, we could not record the receipt you sent. If you think this is a mistake, please reply here and our team will help.',
    ms: 'Maaf, kami tidak dapat merekodkan resit yang anda hantar. Jika anda rasa ini satu kesilapan, sila balas di sini dan pasukan kami akan membantu.',
  },
  ic_card: {
    en: 'Sorry, we could not save the details from the IC photo you sent. You can also type your IC number here, e.g. 901231-01-1234.',
    ms: 'Maaf, kami tidak dapat menyimpan butiran daripada gambar IC yang anda hantar. Anda juga boleh menaip nombor IC anda di sini, cth. 901231-01-1234.',
  },
};

// Why a file could not be read, in the customer's words. 'not_received': the media job could
// not fetch or refused the file before OCR saw it.
export type ReadFailure = OcrFailureReason | 'not_received';

const unreadable: Texts = {
  en: 'Sorry, we could not read that file. Please send a clear photo (JPEG or PNG) or a PDF of your receipt or IC.',
  ms: 'Maaf, kami tidak dapat membaca fail itu. Sila hantar gambar yang jelas (JPEG atau PNG) atau PDF bagi resit atau IC anda.',
};

const failureTexts: Partial<Record<ReadFailure, Texts>> = {
  too_large: {
    en: 'Sorry, that file is too large for us to read (the limit is 10 MB). Please send a smaller photo of your receipt or IC.',
    ms: 'Maaf, fail itu terlalu besar untuk dibaca (had 10 MB). Sila hantar gambar yang lebih kecil bagi resit atau IC anda.',
  },
  too_many_pixels: {
    en: 'Sorry, that picture is too large for us to read. Please send an ordinary phone photo of your receipt or IC.',
    ms: 'Maaf, gambar itu terlalu besar untuk dibaca. Sila hantar gambar biasa dari telefon bagi resit atau IC anda.',
  },
  pdf_no_text: {
    en: 'Sorry, we cannot read this PDF because it is a scanned picture. Please send a photo of the receipt instead.',
    ms: 'Maaf, kami tidak dapat membaca PDF ini kerana ia gambar imbasan. Sila hantar gambar resit itu.',
  },
  too_many_pages: {
    en: 'Sorry, that PDF has too many pages for a receipt (at most 5). Please send only the receipt.',
    ms: 'Maaf, PDF itu mempunyai terlalu banyak halaman untuk sebuah resit (maksimum 5). Sila hantar resit itu sahaja.',
  },
};

export function readFailedReply(language: ReplyLanguage, reason: ReadFailure): string {
  return (failureTexts[reason] ?? unreadable)[language];
}
