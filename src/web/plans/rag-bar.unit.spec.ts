import { describe, expect, it } from '@jest/globals';
import { layoutRagBar } from './rag-bar.js';

const summary = { total: 36, red: 0, amber: 24, green: 7, blue: 0, notRated: 5 };

describe('the RAG bar', () => {
  const bar = layoutRagBar(summary, 360, 32);

  it('gives each status with actions its share of the width, Red first, none for those without', () => {
    expect(bar.segments.map(({ label, x, width }) => [label, x, width])).toEqual([
      ['Amber', 0, 240],
      ['Green', 240, 70],
      ['Not rated', 310, 50],
    ]);
  });

  it('writes the count and label where they fit, the count alone where only it fits', () => {
    expect(bar.segments.map((segment) => segment.text)).toEqual([
      { x: 120, value: '24 Amber' },
      { x: 275, value: '7 Green' },
      { x: 335, value: '5' },
    ]);
    expect(layoutRagBar({ ...summary, amber: 200, total: 212 }, 360).segments.at(-1)?.text).toBeNull();
  });

  it('colours each segment from the board pack’s RAG style, with ink that reads on it', () => {
    expect(bar.segments.map(({ fill, ink }) => [fill, ink])).toEqual([
      ['#f5a524', '#1a1a1a'],
      ['#1a7f37', '#ffffff'],
      ['#e6e6e6', '#1a1a1a'],
    ]);
  });

  it('says every count in words, zeros too', () => {
    expect(bar.description).toBe('RAG status of 36 actions: 0 Red, 24 Amber, 7 Green, 0 Blue, 5 Not rated');
    expect(layoutRagBar({ total: 0, red: 0, amber: 0, green: 0, blue: 0, notRated: 0 }).segments).toEqual([]);
  });
});
