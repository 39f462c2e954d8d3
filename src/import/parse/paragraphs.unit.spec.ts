import { describe, expect, it } from '@jest/globals';
import { cellParagraphs, continueParagraphs, decodeEntities } from './paragraphs.js';

describe('paragraphs in cells', () => {
  it('reads <p> paragraphs, strips tags and decodes entities', () => {
    expect(
      cellParagraphs(
        '<p>Caseloads &amp; <b>workflows</b>.</p> <p>Staffing &lt;agreed&gt; levels&#8217;.</p>',
      ),
    ).toEqual(['Caseloads & workflows.', 'Staffing <agreed> levels’.']);
  });

  it('reads blank lines as paragraph breaks when there are no tags', () => {
    expect(cellParagraphs('First paragraph.\n\nSecond,\nwith a line break.\r\n\r\nThird.')).toEqual([
      'First paragraph.',
      'Second,\nwith a line break.',
      'Third.',
    ]);
  });

  it('leaves text that only looks like an entity alone', () => {
    expect(decodeEntities('AT&T & partners &unknown;')).toBe('AT&T & partners &unknown;');
  });

  it('joins a paragraph cut mid-sentence by a page break to the continuation', () => {
    expect(
      continueParagraphs(['Work on chronologies gathered through'], ['MASH processes.', 'More.']),
    ).toEqual(['Work on chronologies gathered through MASH processes.', 'More.']);
  });

  it('starts new paragraphs after a finished sentence', () => {
    expect(continueParagraphs(['Caseloads reviewed.'], ['Staffing maintained.'])).toEqual([
      'Caseloads reviewed.',
      'Staffing maintained.',
    ]);
    expect(continueParagraphs([], ['Staffing maintained.'])).toEqual(['Staffing maintained.']);
  });
});
