// The Doc 9303 part 3 check digit: weights 7-3-1 over the characters' values (0-9, A-Z = 10-35, `<` = 0), modulo 10.

const WEIGHTS = [7, 3, 1] as const;

/** The value of one MRZ character, or -1 when it is not one (only 0-9, A-Z and `<` are). */
export function charValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  if (code === 60) return 0;
  return -1;
}

/** The check digit of `text[start, end)`; characters that are not MRZ characters count as 0. */
export function checkDigit(text: string, start = 0, end = text.length): number {
  let sum = 0;
  for (let i = start, w = 0; i < end; i++, w = w === 2 ? 0 : w + 1) {
    const v = charValue(text.charCodeAt(i));
    if (v > 0) sum += v * WEIGHTS[w]!;
  }
  return sum % 10;
}

/** The check digit over several pieces read one after another (the composite digit), weights running on across pieces. */
export function checkDigitOf(pieces: readonly string[]): number {
  let sum = 0;
  let w = 0;
  for (const p of pieces) {
    for (let i = 0; i < p.length; i++, w = w === 2 ? 0 : w + 1) {
      const v = charValue(p.charCodeAt(i));
      if (v > 0) sum += v * WEIGHTS[w]!;
    }
  }
  return sum % 10;
}
