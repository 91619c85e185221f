// How a customer's short reply is compared with keywords: case, accents' width forms,
// punctuation and emoji do not matter ("ya!", "Ya 🙏" and "YA" are the same answer).
export function normalizeReply(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// The normalised reply as whole words ("nonstop" is one word, never "STOP").
export function replyWords(text: string): string[] {
  const normalized = normalizeReply(text);
  return normalized === '' ? [] : normalized.split(' ');
}
