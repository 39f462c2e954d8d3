/**
 * Owner names as compared, word by word: case, apostrophes and other punctuation never make two
 * owners different ("Children’s Management Team" is "childrens management team").
 */

/** Tokens that separate owners in one cell. */
export const SEPARATORS: ReadonlySet<string> = new Set([',', ';', '/']);

/** A word as owners are compared: lower case, letters and digits only, "&" read as "and". */
export function matchKey(word: string): string {
  return word === '&' ? 'and' : word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Separators stand alone; a token of punctuation only ("-", "(") carries nothing and is dropped. */
export function tokenise(text: string): string[] {
  return text
    .replace(/([,;/&])/g, ' $1 ')
    .split(/\s+/)
    .filter((token) => SEPARATORS.has(token) || matchKey(token) !== '');
}

/** An owner's name as compared: "Children’s Management Team" and "childrens management team" are one. */
export function ownerKey(name: string): string {
  return tokenise(name).map(matchKey).join(' ');
}
