import { describe, expect, it } from '@jest/globals';
import { mayBoardPack } from '../../../test/support/board-pack-fixture.js';
import { textOf } from '../../../test/support/html-text.js';
import { readPdf } from '../../../test/support/pdf-text.js';
import { boardPackHtml } from '../html/board-pack.html.js';
import { boardPackPdf } from '../pdf/board-pack.pdf.js';

const HEAD = '3f9a'.repeat(16);
const LINE = `Audit trail head (SHA-256) at version 13, 14 May 2024, 23:59 (UK time): ${HEAD}`;

describe('the audit trail head in a board pack', () => {
  const pack = { ...mayBoardPack(), auditTrailHead: HEAD };

  it('is printed on the page with the point it stands for, and why to minute it', () => {
    const page = boardPackHtml(pack);
    const header = textOf(page.slice(page.indexOf('<header'), page.indexOf('</header>')));
    expect(header).toContain(LINE);
    expect(header).toContain('Written into the minutes, this hash lets anyone detect a later rewriting');
  });

  it('is printed in the PDF, the hash whole on one line', async () => {
    const pdf = await readPdf(await boardPackPdf(pack));
    expect(pdf.text).toContain('Audit trail head (SHA-256) at version 13');
    expect(pdf.pages[0]?.some((item) => item.text.includes(HEAD))).toBe(true);
    expect(pdf.text).toContain('Written into the minutes, this hash lets anyone detect a later rewriting');
  });

  it('is left out of a pack built without one', () => {
    expect(boardPackHtml(mayBoardPack())).not.toContain('Audit trail head');
  });
});
