// Meta's Graph API and Cloud API error codes (developers.facebook.com → WhatsApp Business
// Platform → Support → Error codes), what kind of failure each is, and a sentence an agent
// understands. Retries follow Meta's advice: back off on throughput and pair limits, never
// resend what cannot succeed.

export type ProviderErrorKind =
  | 'rate_limited'
  | 'window_closed'
  | 'undeliverable'
  | 'marketing_held'
  | 'marketing_opted_out'
  | 'auth'
  | 'invalid'
  | 'network'
  | 'server'
  | 'unknown';

interface CodeInfo {
  kind: ProviderErrorKind;
  retryable: boolean;
  text: string;
}

const TOKEN = 'Ask an admin to check the channel’s access token in Settings → WhatsApp.';
const TEMPLATE = 'Check the template in Settings → Templates.';

const codes: Record<number, CodeInfo> = {
  0: { kind: 'auth', retryable: false, text: `WhatsApp could not authenticate this channel. ${TOKEN}` },
  1: { kind: 'invalid', retryable: false, text: 'WhatsApp rejected the request as invalid (API unknown error).' },
  2: { kind: 'server', retryable: true, text: 'WhatsApp is temporarily unavailable; the message will be retried.' },
  3: { kind: 'auth', retryable: false, text: `The Meta app is not allowed to use this feature. ${TOKEN}` },
  4: { kind: 'rate_limited', retryable: true, text: 'The Meta app made too many API calls; sending slows down and retries.' },
  10: { kind: 'auth', retryable: false, text: `The access token lacks the WhatsApp permissions it needs. ${TOKEN}` },
  33: { kind: 'invalid', retryable: false, text: 'The WhatsApp phone number ID of this channel is wrong or no longer exists.' },
  100: { kind: 'invalid', retryable: false, text: 'WhatsApp rejected a parameter of the request (a wrong ID or a malformed field).' },
  190: { kind: 'auth', retryable: false, text: `The channel’s access token has expired or was revoked. ${TOKEN}` },
  368: { kind: 'auth', retryable: false, text: 'Meta has temporarily blocked this account for policy violations.' },
  470: {
    kind: 'window_closed',
    retryable: false,
    text: 'More than 24 hours have passed since the customer last wrote; send an approved template instead.',
  },
  80007: { kind: 'rate_limited', retryable: true, text: 'The WhatsApp Business Account hit its rate limit; sending slows down and retries.' },
  130429: {
    kind: 'rate_limited',
    retryable: true,
    text: 'This number is sending faster than WhatsApp allows; sending slows down and retries.',
  },
  130472: { kind: 'marketing_held', retryable: false, text: 'Meta held this marketing message back as part of an experiment.' },
  131000: { kind: 'server', retryable: true, text: 'Something went wrong at WhatsApp; the message will be retried.' },
  131005: { kind: 'auth', retryable: false, text: `WhatsApp denied access for this channel. ${TOKEN}` },
  131008: { kind: 'invalid', retryable: false, text: 'The request is missing a required field.' },
  131009: { kind: 'invalid', retryable: false, text: 'A value in the request is not valid (for example the phone number or a media link).' },
  131016: { kind: 'server', retryable: true, text: 'WhatsApp is temporarily unavailable; the message will be retried.' },
  131021: { kind: 'invalid', retryable: false, text: 'The customer’s number is this channel’s own number.' },
  131026: {
    kind: 'undeliverable',
    retryable: false,
    text: 'WhatsApp could not deliver this message: the number may not be on WhatsApp, may not have accepted the latest terms, or may use an old WhatsApp version.',
  },
  131031: { kind: 'auth', retryable: false, text: 'The WhatsApp Business Account is locked; check it in Meta Business Suite.' },
  131042: { kind: 'auth', retryable: false, text: 'The WhatsApp Business Account has a payment problem; check billing in Meta Business Suite.' },
  131047: {
    kind: 'window_closed',
    retryable: false,
    text: 'More than 24 hours have passed since the customer last wrote, so only an approved template can be sent.',
  },
  131048: { kind: 'rate_limited', retryable: false, text: 'WhatsApp limited this number because earlier messages were blocked or reported as spam.' },
  131049: {
    kind: 'marketing_held',
    retryable: true,
    text: 'Meta held this marketing message back because the customer has received many marketing messages lately; try again later (after a day).',
  },
  131050: {
    kind: 'marketing_opted_out',
    retryable: false,
    text: 'The customer has stopped marketing messages from this business on WhatsApp; do not send them marketing templates.',
  },
  131051: { kind: 'invalid', retryable: false, text: 'WhatsApp does not support this type of message.' },
  131052: { kind: 'invalid', retryable: false, text: 'WhatsApp could not download the media the customer sent; ask them to send it again.' },
  131053: { kind: 'invalid', retryable: false, text: 'WhatsApp could not use the media file (unsupported type or too large).' },
  131056: {
    kind: 'rate_limited',
    retryable: true,
    text: 'Too many messages went to this customer in a short time; the message will be retried shortly.',
  },
  131057: { kind: 'server', retryable: false, text: 'The WhatsApp Business Account is in maintenance mode; try again later.' },
  131062: { kind: 'invalid', retryable: false, text: 'This message cannot be sent to a customer known only by their WhatsApp user ID.' },
  132000: { kind: 'invalid', retryable: false, text: `The number of template parameters does not match the template’s placeholders. ${TEMPLATE}` },
  132001: { kind: 'invalid', retryable: false, text: `The template does not exist in this language or is not approved yet. ${TEMPLATE}` },
  132005: { kind: 'invalid', retryable: false, text: 'The template text with its parameters filled in is too long.' },
  132007: { kind: 'invalid', retryable: false, text: `The template’s content breaks WhatsApp’s formatting rules. ${TEMPLATE}` },
  132012: { kind: 'invalid', retryable: false, text: `A template parameter has the wrong format. ${TEMPLATE}` },
  132015: { kind: 'invalid', retryable: false, text: `Meta paused this template because of low quality. ${TEMPLATE}` },
  132016: { kind: 'invalid', retryable: false, text: `Meta disabled this template because of low quality. ${TEMPLATE}` },
  133010: { kind: 'auth', retryable: false, text: 'This phone number is not registered on the WhatsApp Business Platform.' },
};

// Codes 200–299 are Graph API permission errors.
const PERMISSION: CodeInfo = { kind: 'auth', retryable: false, text: `The Meta app has not been granted this permission. ${TOKEN}` };

export function codeInfo(code: number | null): CodeInfo | null {
  if (code === null) return null;
  return codes[code] ?? (code >= 200 && code <= 299 ? PERMISSION : null);
}

export function describeError(code: number | null): string {
  return codeInfo(code)?.text ?? (code === null ? 'Sending failed.' : `WhatsApp refused the request (error ${code}).`);
}
