/**
 * The one rule for text a person gives us, in any field: what it refuses is what a spreadsheet
 * cannot carry, what a screen cannot show, or what was damaged on the way. Text that passes goes
 * through the CSV and XLSX exports and back in unchanged.
 *
 * Refused: control characters other than tab and line ends (line feed, or CR LF; a carriage return
 * on its own ends a line nowhere else, so it is refused): NUL, BEL, ESC, the vertical tab, DEL, C1; noncharacters (U+FFFE, U+FDD0…); half of a surrogate pair;
 * the replacement character U+FFFD (what a wrong encoding leaves behind); and text that is empty,
 * or holds only spaces and invisible characters, where text is required.
 */

export type TextFaultKind =
  | 'control character'
  | 'noncharacter'
  | 'lone surrogate'
  | 'replacement character'
  | 'empty'
  | 'invisible only';

export interface TextFault {
  readonly kind: TextFaultKind;
  /** The character at fault, for the kinds that have one. */
  readonly codePoint: number | null;
  /** 1-based, counting characters as a reader does (an emoji is one). */
  readonly position: number | null;
  /** For a council officer: "contains a control character (U+0007) at position 12". */
  readonly message: string;
}

export interface TextRuleOptions {
  /**
   * Where blank means "not given" (an optional title): spaces alone are allowed, but text of
   * invisible characters only is still refused, since it looks blank and is not.
   */
  readonly blankAllowed?: boolean;
}

const ALLOWED_CONTROLS = new Set([0x09, 0x0a]);
/** Spaces, line ends and characters that show nothing (zero-width space, joiners, BOM, soft hyphen). */
const BLANK = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}]*$/u;
const SPACES_ONLY = /^\p{White_Space}*$/u;

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

const isControl = (c: number) => (c < 0x20 && !ALLOWED_CONTROLS.has(c)) || (c >= 0x7f && c <= 0x9f);
const isNoncharacter = (c: number) => (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) === 0xfffe;
const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

const WHY: Partial<Record<TextFaultKind, string>> = {
  'lone surrogate': ': the text was cut or damaged before it reached us',
  'replacement character': ': the text was damaged by a wrong encoding; paste it again from the original',
};

function kindOf(codePoint: number): TextFaultKind | null {
  if (isControl(codePoint)) return 'control character';
  if (isSurrogate(codePoint)) return 'lone surrogate';
  if (codePoint === 0xfffd) return 'replacement character';
  if (isNoncharacter(codePoint)) return 'noncharacter';
  return null;
}

function characterFault(text: string): TextFault | null {
  let position = 0;
  let index = 0;
  // for…of walks code points, and yields a lone surrogate on its own.
  for (const character of text) {
    position += 1;
    index += character.length;
    const codePoint = character.codePointAt(0)!;
    const lineEnd = codePoint === 0x0d && text[index] === '\n';
    const kind = lineEnd ? null : kindOf(codePoint);
    if (kind !== null) {
      const what = kind === 'lone surrogate' ? 'half of a character pair' : `a ${kind}`;
      const message = `contains ${what} (${hex(codePoint)}) at position ${position}${WHY[kind] ?? ''}`;
      return { kind, codePoint, position, message };
    }
  }
  return null;
}

function blankFault(text: string, { blankAllowed = false }: TextRuleOptions): TextFault | null {
  if (!BLANK.test(text)) return null;
  if (SPACES_ONLY.test(text)) {
    if (blankAllowed) return null;
    return { kind: 'empty', codePoint: null, position: null, message: 'must not be empty' };
  }
  const invisible = [...text].find((character) => !SPACES_ONLY.test(character))!;
  return {
    kind: 'invisible only',
    codePoint: invisible.codePointAt(0)!,
    position: null,
    message: `holds only invisible characters (such as ${hex(invisible.codePointAt(0)!)}), so it would look empty`,
  };
}

/** Why the text is refused, or null when it is acceptable. */
export function textFault(text: string, options: TextRuleOptions = {}): TextFault | null {
  return characterFault(text) ?? blankFault(text, options);
}

export const isAcceptableText = (text: string, options: TextRuleOptions = {}): boolean =>
  textFault(text, options) === null;
