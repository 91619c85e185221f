// Keyword matching that survives OCR: case, spacing ("SUB TOTAL" = "SUBTOTAL"), digits read
// for letters ("T0TAL"), junk glued on ("CASHyesvans") and, in long words, a letter or two
// lost or swapped ("Rour ding" = "ROUNDING"). A phrase must start where a word starts, so
// "TUNA" in "ONIGIRI TUNA MAYO" is not "TUNAI" and "SUBTOTAL" does not contain "TOTAL".

const LETTER_LOOKALIKES: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B', '|': 'I', $: 'S' };

// The words of a line in upper-case letters, with digits inside words read as the letters
// they resemble; everything else separates words.
function letterWords(text: string): string[] {
  return text
    .toUpperCase()
    .split(/\s+/)
    .map((word) => (/[A-Z].*[A-Z]/.test(word) ? [...word].map((ch) => LETTER_LOOKALIKES[ch] ?? ch).join('') : word))
    .flatMap((word) => word.split(/[^A-Z]+/))
    .filter(Boolean);
}

export function compactLetters(text: string): string {
  return letterWords(text).join('');
}

// Edits allowed for a phrase of this many letters: none for short words, where one slip
// makes another word (TUNA/TUNAI, CASH/CARD).
function allowedEdits(length: number): number {
  if (length <= 5) return 0;
  if (length <= 8) return 1;
  return 2;
}

// Smallest edit distance between `pattern` and any prefix of `text`.
function prefixDistance(pattern: string, text: string): number {
  let previous = Array.from({ length: text.length + 1 }, (_, j) => j);
  for (let i = 1; i <= pattern.length; i++) {
    const current = [i];
    for (let j = 1; j <= text.length; j++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return Math.min(...previous);
}

// Whether the text holds the phrase starting at one of its words.
export function containsPhrase(text: string, phrase: string): boolean {
  const target = compactLetters(phrase);
  const words = letterWords(text);
  const edits = allowedEdits(target.length);
  for (let i = 0; i < words.length; i++) {
    const rest = words.slice(i).join('');
    if (rest.startsWith(target)) return true;
    // A five-letter word may have one letter misread, when the whole word is there ("TOTAI").
    if (target.length === 5 && words[i]!.length === 5 && [...target].filter((ch, k) => ch !== words[i]![k]).length === 1) return true;
    if (edits > 0 && prefixDistance(target, rest.slice(0, target.length + edits)) <= edits) return true;
  }
  return false;
}

export function containsAny(text: string, phrases: readonly string[]): boolean {
  return phrases.some((p) => containsPhrase(text, p));
}
