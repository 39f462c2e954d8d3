import { describe, expect, it } from '@jest/globals';
import { readDateCell } from './dates.js';

describe('reading date cells', () => {
  it.each([
    ['December 2023', '2023-12'],
    ['Dec 2023', '2023-12'],
    ['dec. 2023', '2023-12'],
    ['Sept 2024', '2024-09'],
    ['April 2024', '2024-04'],
    ['Apr-24', '2024-04'],
    ['03/2024', '2024-03'],
    ['2024-03', '2024-03'],
    ['31/03/2024', '2024-03-31'],
    ['1/4/24', '2024-04-01'],
    ['31 March 2024', '2024-03-31'],
    ['1st April 2024', '2024-04-01'],
    ['2024-03-31', '2024-03-31'],
  ])('reads %j as %s', (cell, date) => {
    expect(readDateCell(cell)).toEqual({ kind: 'date', date });
  });

  it('reads a blank cell as no date', () => {
    expect(readDateCell('  ')).toEqual({ kind: 'blank' });
  });

  it.each(['TBC', 'Ongoing', 'N/A', '-'])('reads %j as a deliberate "no date"', (cell) => {
    expect(readDateCell(cell)).toEqual({ kind: 'placeholder' });
  });

  it.each(['Spring 2024', '31/02/2024', '13/13/2024', 'Dec 23', 'Q1 2024', 'Decembr 2023', 'soon'])(
    'refuses to guess %j',
    (cell) => {
      expect(readDateCell(cell)).toEqual({ kind: 'unreadable' });
    },
  );
});
