import type { ReplyLanguage } from '@/lib/consent/keywords';
import { ageOn } from '@/lib/mykad';
import type { Gender, MaritalStatus } from './profile';

// The information prompt after consent: the reference seed's English text (its **bold** as
// WhatsApp's *bold*) and a Malay version of it.
export const profilePrompt: Readonly<Record<ReplyLanguage, string>> = {
  en: [
    '📋 Hi! To provide you with better service, please share your information:',
    '',
    '1️⃣ *IC Number*: Send your IC number (e.g., 901231-01-1234)',
    '2️⃣ *Gender*: Reply with M (Male), F (Female), or NB (Non-binary)',
    '3️⃣ *Marital Status*: Reply with SINGLE, MARRIED, DIVORCED, or WIDOWED',
    '',
    "You can send your IC number first, and I'll automatically extract your age, gender, and state information!",
  ].join('\n'),
  ms: [
    '📋 Hai! Untuk memberikan perkhidmatan yang lebih baik, sila kongsi maklumat anda:',
    '',
    '1️⃣ *Nombor IC*: Hantar nombor IC anda (cth. 901231-01-1234)',
    '2️⃣ *Jantina*: Balas dengan L (Lelaki), P (Perempuan) atau NB (Bukan binari)',
    '3️⃣ *Status Perkahwinan*: Balas dengan BUJANG, BERKAHWIN, BERCERAI atau BALU/DUDA',
    '',
    'Anda boleh hantar nombor IC dahulu, dan kami akan mengisi umur, jantina dan negeri anda secara automatik!',
  ].join('\n'),
};

const genderNames: Readonly<Record<Gender, Readonly<Record<ReplyLanguage, string>>>> = {
  M: { en: 'male', ms: 'lelaki' },
  F: { en: 'female', ms: 'perempuan' },
  NB: { en: 'non-binary', ms: 'bukan binari' },
};

const maritalNames: Readonly<Record<MaritalStatus, Readonly<Record<ReplyLanguage, string>>>> = {
  single: { en: 'single', ms: 'bujang' },
  married: { en: 'married', ms: 'berkahwin' },
  divorced: { en: 'divorced', ms: 'bercerai' },
  widowed: { en: 'widowed', ms: 'balu/duda' },
};

export interface SavedProfile {
  ic?: { masked: string; dateOfBirth: string; stateName: string | null; birthCountry: string | null };
  gender?: Gender;
  maritalStatus?: MaritalStatus;
}

const dmy = (isoDate: string) => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;

// "Thank you! We saved: IC 901231-01-****, date of birth 31/12/1990 (age 35), …" — the IC
// only ever masked.
export function profileSavedReply(language: ReplyLanguage, saved: SavedProfile, now: Date = new Date()): string {
  const en = language === 'en';
  const items: string[] = [];
  if (saved.ic) {
    const { masked, dateOfBirth, stateName, birthCountry } = saved.ic;
    const age = ageOn(dateOfBirth, now);
    items.push(`IC ${masked}`, en ? `date of birth ${dmy(dateOfBirth)} (age ${age})` : `tarikh lahir ${dmy(dateOfBirth)} (umur ${age})`);
    if (stateName) items.push(en ? `birth state ${stateName}` : `negeri kelahiran ${stateName}`);
    else if (birthCountry) items.push(en ? `born in ${birthCountry}` : `lahir di ${birthCountry}`);
  }
  if (saved.gender) items.push(`${en ? 'gender' : 'jantina'} ${genderNames[saved.gender][language]}`);
  if (saved.maritalStatus) items.push(`${en ? 'marital status' : 'status perkahwinan'} ${maritalNames[saved.maritalStatus][language]}`);
  return `${en ? 'Thank you! We saved your' : 'Terima kasih! Kami telah menyimpan'} ${items.join(', ')}.`;
}

export function icInvalidReply(language: ReplyLanguage, problem: Readonly<Record<ReplyLanguage, string>>): string {
  return `${problem[language]} ${language === 'en' ? 'Please check the number and send it again.' : 'Sila semak nombor itu dan hantar semula.'}`;
}

export const icDuplicateReply: Readonly<Record<ReplyLanguage, string>> = {
  en: 'Thank you. This IC number is already registered to another customer record, so our team will check it before saving it.',
  ms: 'Terima kasih. Nombor IC ini sudah didaftarkan pada rekod pelanggan lain, jadi pasukan kami akan menyemaknya dahulu sebelum menyimpannya.',
};
