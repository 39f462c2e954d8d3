/**
 * Cells hold paragraphs: `<p>…</p>` in a Word table pasted as text, blank lines in a spreadsheet cell.
 * Tags are stripped and HTML entities decoded; a single line break inside a paragraph is kept.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  pound: '£',
  bull: '•',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

const PARAGRAPH_TAG = /<\/?p\b[^>]*>/i;
const LINE_BREAK_TAG = /<br\s*\/?>/gi;
const ANY_TAG = /<\/?[a-z][^>]*>/gi;

function cleanParagraph(html: string): string {
  const text = decodeEntities(html.replace(LINE_BREAK_TAG, '\n').replace(ANY_TAG, ''));
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** The paragraphs of one cell, in order, without empty ones. */
export function cellParagraphs(cell: string): string[] {
  const text = cell.replace(/\r\n?/g, '\n');
  const pieces = PARAGRAPH_TAG.test(text)
    ? text.split(new RegExp(PARAGRAPH_TAG.source, 'gi'))
    : // A line of spaces only (no-break ones too, as Word leaves them) is blank, as the import's sync reads it.
      text.split(/\n\s*\n/);
  return pieces.map(cleanParagraph).filter((paragraph) => paragraph !== '');
}

/** A paragraph that stops without closing punctuation was cut by a page break in the source. */
function endsMidSentence(paragraph: string): boolean {
  return !/[.!?:;…]["'”’)\]]*$/.test(paragraph);
}

/**
 * Adds a continuation row's paragraphs to a cell's. Word splits a table row at a page break, so
 * when the last paragraph stops mid-sentence the next one carries on with it (joined by a space);
 * otherwise the continuation's paragraphs are new paragraphs.
 */
export function continueParagraphs(paragraphs: readonly string[], more: readonly string[]): string[] {
  const last = paragraphs.at(-1);
  const [first, ...rest] = more;
  if (last === undefined || first === undefined) return [...paragraphs, ...more];
  if (!endsMidSentence(last)) return [...paragraphs, ...more];
  return [...paragraphs.slice(0, -1), `${last} ${first}`, ...rest];
}
