import { describe, expect, it } from '@jest/globals';
import { DEFAULT_KNOWN_ROLES, sameOwnerNames, splitOwners } from './owners.js';

describe('splitting action owners', () => {
  it.each([
    [
      'Service Director Service Manager Operations Team Managers',
      ['Service Director', 'Service Manager Operations', 'Team Managers'],
    ],
    ['Lead IRO and Service Manager Operations', ['Lead IRO', 'Service Manager Operations']],
    ['Service Manager Operations & Team Managers', ['Service Manager Operations', 'Team Managers']],
    [
      'Service Manager Children in Care, Elected Members',
      ['Service Manager Children in Care', 'Elected Members'],
    ],
    ['Principal Social Worker and Service Director', ['Principal Social Worker', 'Service Director']],
    [
      'Head of Service, Director of Children’s Services',
      ['Head of Service', "Director of Children's Services"],
    ],
  ])('splits %j on known roles and separators', (cell, owners) => {
    expect(splitOwners(cell)).toEqual({ owners, unknown: [], leftOut: [] });
  });

  it('keeps a role whose name holds "and" whole', () => {
    expect(splitOwners('Learning and Development Team').owners).toEqual(['Learning and Development Team']);
    expect(splitOwners('Learning & Development Team').owners).toEqual(['Learning and Development Team']);
  });

  it('matches roles ignoring case and punctuation, spelling them as the list does', () => {
    expect(
      splitOwners('Childrens Management Team and Children’s Management Team PARTICIPATION LEADS'),
    ).toEqual({
      owners: ["Children's Management Team", 'Participation Leads'],
      unknown: [],
      leftOut: [],
    });
    expect(splitOwners('Lead I.R.O. - team managers').owners).toEqual(['Lead IRO', 'Team Managers']);
  });

  it('maps aliases to the role they stand for', () => {
    expect(splitOwners('Service Manager Children in Care Care Leavers Team and LIRO').owners).toEqual([
      'Service Manager Children in Care',
      'Care Leavers Team',
      'Lead IRO',
    ]);
    expect(splitOwners('DCS, PSW').owners).toEqual([
      "Director of Children's Services",
      'Principal Social Worker',
    ]);
    expect(splitOwners('Lead IRO, liro').owners).toEqual(['Lead IRO']);
  });

  it('leaves out words squeezed between two known roles, and reports them (no invented owner)', () => {
    expect(splitOwners('Service Manager Children in Care Team Care Leavers Team')).toEqual({
      owners: ['Service Manager Children in Care', 'Care Leavers Team'],
      unknown: [],
      leftOut: [{ text: 'Team', between: ['Service Manager Children in Care', 'Care Leavers Team'] }],
    });
  });

  it('keeps an unknown remainder whole and reports it', () => {
    expect(splitOwners('Head of Quality and Performance Team Managers')).toEqual({
      owners: ['Head of Quality and Performance', 'Team Managers'],
      unknown: ['Head of Quality and Performance'],
      leftOut: [],
    });
    expect(splitOwners('Service Manager Operations and Police Liaison')).toEqual({
      owners: ['Service Manager Operations', 'Police Liaison'],
      unknown: ['Police Liaison'],
      leftOut: [],
    });
  });

  it('reads an owner cell ending with "&" joined to its continuation', () => {
    expect(splitOwners('Service Manager Operations & Team Managers').owners).toHaveLength(2);
    expect(splitOwners('Service Manager Operations &').owners).toEqual(['Service Manager Operations']);
  });

  it('treats line breaks and semicolons as separators (one owner per line in spreadsheets)', () => {
    expect(splitOwners('Head of Quality and Performance\nLead IRO; Virtual School Head').owners).toEqual([
      'Head of Quality and Performance',
      'Lead IRO',
      'Virtual School Head',
    ]);
  });

  it('drops repeats and blank cells', () => {
    expect(splitOwners('Lead IRO, lead iro').owners).toEqual(['Lead IRO']);
    expect(splitOwners('  ')).toEqual({ owners: [], unknown: [], leftOut: [] });
  });

  it('uses the roles it is given instead of the defaults', () => {
    expect(
      splitOwners('Head of Quality Team Managers', ['Head of Quality', 'Team Managers']).unknown,
    ).toEqual([]);
    expect(splitOwners('Service Director Lead IRO', ['Lead IRO']).owners).toEqual([
      'Service Director',
      'Lead IRO',
    ]);
  });

  it('lists every role of the Isle of Wight plan by default', () => {
    expect(DEFAULT_KNOWN_ROLES).toEqual(
      expect.arrayContaining(['Service Director', 'Service Manager Operations', 'Team Managers', 'Lead IRO']),
    );
  });

  it('compares owner lists through aliases, case and punctuation, in order', () => {
    expect(
      sameOwnerNames(['LIRO', 'Childrens Management Team'], ['lead iro', "Children's Management Team"]),
    ).toBe(true);
    expect(sameOwnerNames(['Lead IRO', 'Team Managers'], ['Team Managers', 'Lead IRO'])).toBe(false);
    expect(sameOwnerNames(['Lead IRO'], ['Lead IRO', 'Team Managers'])).toBe(false);
  });
});
