import type { ReplyLanguage } from './keywords';

// What Sembang answers in the consent conversation. Granted and declined are the customer's
// own words (reference seed, "Consent Confirmation Messages"); the opt-out confirmation and
// the reminder are written in the same tone.
export const consentReplies: Readonly<Record<'granted' | 'declined' | 'optedOut' | 'reminder', Readonly<Record<ReplyLanguage, string>>>> = {
  granted: {
    ms: 'Terima kasih! Kebenaran anda telah direkodkan. Anda boleh taip STOP untuk berhenti pada bila-bila masa.',
    en: 'Thank you! Your consent has been recorded. You can type STOP anytime to opt out.',
  },
  declined: {
    ms: 'Baik, kami tidak akan menghantar mesej promosi. Anda masih boleh hubungi kami untuk sokongan.',
    en: "Understood. We won't send promotional messages. You can still contact us for support.",
  },
  optedOut: {
    ms: 'Baik, anda telah berhenti melanggan. Kami tidak akan menghantar mesej promosi lagi. Anda masih boleh hubungi kami untuk sokongan, dan taip START jika mahu melanggan semula.',
    en: "Done, you have opted out. We won't send promotional messages anymore. You can still contact us for support, and type START if you'd like to opt back in.",
  },
  // {{brand}} is filled in.
  reminder: {
    ms: 'Peringatan daripada {{brand}}: boleh kami hantar mesej WhatsApp tentang resit, sokongan & promosi? Balas YA untuk setuju atau TIDAK untuk menolak. Anda boleh berhenti pada bila-bila masa dengan taip STOP.',
    en: 'A reminder from {{brand}}: may we send you WhatsApp messages about receipts, support & promos? Reply YES to consent or NO to decline. You can opt out anytime by typing STOP.',
  },
};
