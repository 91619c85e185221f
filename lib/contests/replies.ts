import type { ReplyLanguage } from '@/lib/consent/keywords';

// What the contest says on WhatsApp: the reference seed's "Contest Entry Confirmed" and
// "You Won!" texts (and a Malay version of each), and the polite refusals. Times are
// Malaysian, e.g. "30 Apr 2026, 11:59 pm" / "30 Apr 2026, 11:59 PTG".

const formats: Readonly<Record<ReplyLanguage, Intl.DateTimeFormat>> = {
  en: new Intl.DateTimeFormat('en-MY', { timeZone: 'Asia/Kuala_Lumpur', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' }),
  ms: new Intl.DateTimeFormat('ms-MY', { timeZone: 'Asia/Kuala_Lumpur', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' }),
};

export function contestTime(at: Date, language: ReplyLanguage): string {
  return formats[language].format(at);
}

interface Named {
  name: string;
}

export function entryConfirmedReply(language: ReplyLanguage, c: Named & { endsAt: Date }, entry: { code: string; createdAt: Date }): string {
  const when = contestTime(entry.createdAt, language);
  const end = contestTime(c.endsAt, language);
  if (language === 'ms') {
    return ['🎉 Penyertaan Peraduan Disahkan!', '', `Peraduan: ${c.name}`, `Tarikh Penyertaan: ${when}`, `ID Penyertaan: ${entry.code}`, '', `Semoga berjaya! Pemenang akan diumumkan selepas ${end}.`].join('\n');
  }
  return ['🎉 Contest Entry Confirmed!', '', `Contest: ${c.name}`, `Entry Date: ${when}`, `Entry ID: ${entry.code}`, '', `Good luck! Winners will be announced on ${end}.`].join('\n');
}

export function winnerText(language: ReplyLanguage, c: Named, prize: string, claimInstructions: string | null): string {
  if (language === 'ms') {
    const claim = claimInstructions ?? 'Kami akan menghubungi anda.';
    return ['🏆 Tahniah! Anda Menang!', '', `Peraduan: ${c.name}`, `Hadiah: ${prize}`, `Cara Tuntutan: ${claim}`, '', 'Sila hubungi kami untuk menuntut hadiah anda!'].join('\n');
  }
  const claim = claimInstructions ?? 'We will be in touch.';
  return ['🏆 Congratulations! You Won!', '', `Contest: ${c.name}`, `Prize: ${prize}`, `Claim Instructions: ${claim}`, '', 'Please contact us to claim your prize!'].join('\n');
}

export function limitReply(language: ReplyLanguage, c: Named & { endsAt: Date; maxEntriesPerCustomer: number }): string {
  const n = c.maxEntriesPerCustomer;
  const end = contestTime(c.endsAt, language);
  if (language === 'ms') return `Anda sudah menyertai ${c.name} sebanyak ${n} kali, had bagi setiap peserta. Terima kasih! Pemenang akan diumumkan selepas ${end}.`;
  return `You have already entered ${c.name} ${n === 1 ? 'once' : `${n} times`}, the most each person may. Thank you! Winners will be announced after ${end}.`;
}

export function notStartedReply(language: ReplyLanguage, c: Named & { startsAt: Date }, keyword: string): string {
  const start = contestTime(c.startsAt, language);
  if (language === 'ms') return `${c.name} belum bermula. Ia dibuka pada ${start}; hantar ${keyword} sekali lagi pada masa itu.`;
  return `${c.name} has not started yet. It opens on ${start}; send ${keyword} again then.`;
}

export function endedReply(language: ReplyLanguage, c: Named & { endsAt: Date }): string {
  const end = contestTime(c.endsAt, language);
  if (language === 'ms') return `Maaf, ${c.name} telah ditutup pada ${end}. Terima kasih atas minat anda!`;
  return `Sorry, ${c.name} closed on ${end}. Thank you for your interest!`;
}

// Consent first: a customer asked and not yet answering replies YA/YES to the notice; one who
// said no or stopped messages (or was never asked) sends START.
export function consentNeededReply(language: ReplyLanguage, c: Named, keyword: string | null, pending: boolean): string {
  const word = pending ? (language === 'ms' ? 'YA' : 'YES') : 'START';
  if (language === 'ms') {
    const again = keyword ? `, kemudian hantar ${keyword} sekali lagi` : '';
    return `Untuk menyertai ${c.name}, kami perlukan kebenaran anda untuk menghantar mesej peraduan. Balas ${word}${again}.`;
  }
  const again = keyword ? `, then send ${keyword} again` : '';
  return `To enter ${c.name}, we need your permission to send you contest messages. Reply ${word}${again}.`;
}

export function notEligibleReply(language: ReplyLanguage, c: Named): string {
  if (language === 'ms') return `Maaf, ${c.name} hanya dibuka kepada pelanggan terpilih. Terima kasih atas minat anda!`;
  return `Sorry, ${c.name} is open to selected customers only. Thank you for your interest!`;
}
