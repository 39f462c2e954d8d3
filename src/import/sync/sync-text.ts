/**
 * Spreadsheets rewrap lines, double spaces and "smarten" quotes on every save: none of that is a
 * change a board would want recorded, so text is compared as a person reads it.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/ ([,;:.!?])/g, '$1')
    .trim();
}

export const sameText = (a: string | null, b: string | null): boolean =>
  normaliseText(a ?? '') === normaliseText(b ?? '');

/** A note recorded in the app may hold several paragraphs; the file shows each on its own. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map(normaliseText)
    .filter((paragraph) => paragraph !== '');
}
