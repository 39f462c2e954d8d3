import { describe, expect, it } from '@jest/globals';
import { readRagCell } from './rag.js';

describe('reading RAG cells', () => {
  it.each([
    ['R', 'RED'],
    ['a', 'AMBER'],
    ['G', 'GREEN'],
    ['B', 'BLUE'],
    ['Red', 'RED'],
    ['AMBER', 'AMBER'],
    [' green ', 'GREEN'],
    ['blue', 'BLUE'],
    ['', 'NOT_RATED'],
    ['Not rated', 'NOT_RATED'],
  ])('reads %j as %s', (cell, rag) => {
    expect(readRagCell(cell)).toBe(rag);
  });

  it.each(['X', 'Amber/Green', 'Complete'])('does not know %j', (cell) => {
    expect(readRagCell(cell)).toBeUndefined();
  });
});
