/* Reading a board pack page in tests without a browser: sections by id, and their visible text. */

/** The markup of `<section id="…">` up to its closing tag (sections do not nest). */
export function sectionOf(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}">`);
  if (start < 0) throw new Error(`No section #${id}`);
  return page.slice(start, page.indexOf('</section>', start) + '</section>'.length);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Visible text, tags dropped and whitespace collapsed, as a reader (or a screen reader) gets it. */
export const textOf = (markup: string): string =>
  markup
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/\s+/g, ' ')
    .trim();

/** The text of each table row of a fragment, cells joined by " | ". */
export const rowsOf = (markup: string): string[] =>
  [...markup.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1]!)).join(' | '),
  );
