import { describe, expect, it } from '@jest/globals';
import { columnOfHeader, readHeaderRow } from './headers.js';

describe('reading header cells', () => {
  it.each([
    ['Ref', 'ref'],
    ['Action', 'description'],
    ['Action What we will do', 'description'],
    ['Action Owner', 'owners'],
    ['Owner(s)', 'owners'],
    ['Commencing', 'commencing'],
    ['Due by', 'dueBy'],
    ['RAG', 'rag'],
    ['Status', 'rag'],
    ['Progress and Impact to date', 'progress'],
    ['Progress and Impact to Date', 'progress'],
    ['Theme', 'theme'],
    ['What needs to improve?', 'whatNeedsToImprove'],
    ['What inspectors found', 'inspectorFindings'],
  ])('reads %j as the %s column', (header, column) => {
    expect(columnOfHeader(header)).toBe(column);
  });

  it('needs a ref and an action column to be a header row', () => {
    expect(readHeaderRow(['Ref', 'Action', 'Notes'])).toEqual({
      columns: ['ref', 'description', null],
      unknownHeaders: ['Notes'],
      repeatedHeaders: [],
    });
    expect(readHeaderRow(['1.1', 'Reduce caseloads'])).toBeNull();
  });
});
