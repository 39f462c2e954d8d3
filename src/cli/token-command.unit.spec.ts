import { describe, expect, it } from '@jest/globals';
import { parseTokenArguments, tokenSummary } from './token-command.js';

describe('the token command line', () => {
  it('takes a name and a role, and defaults to one day', () => {
    expect(parseTokenArguments(['--name', 'Jo Smith', '--role', 'EDITOR'])).toEqual({
      kind: 'token',
      request: { name: 'Jo Smith', roles: ['EDITOR'], owns: [], days: 1 },
    });
  });

  it('takes several roles (in any case) and owners, an authority, a lifetime and a subject', () => {
    const argv = [
      '--name=Jo Smith',
      '--role',
      'EDITOR',
      '--role',
      'auditor',
      '--owns',
      'Lead IRO',
      '--owns',
      'Head of Service',
      '--local-authority',
      'Isle of Wight Council',
      '--days',
      '30',
      '--subject',
      'jo.smith@iow.gov.uk',
    ];
    expect(parseTokenArguments(argv)).toEqual({
      kind: 'token',
      request: {
        name: 'Jo Smith',
        roles: ['EDITOR', 'AUDITOR'],
        owns: ['Lead IRO', 'Head of Service'],
        localAuthority: 'Isle of Wight Council',
        days: 30,
        subject: 'jo.smith@iow.gov.uk',
      },
    });
  });

  it('asks for help with --help or -h', () => {
    expect(parseTokenArguments(['--help'])).toEqual({ kind: 'help' });
    expect(parseTokenArguments(['-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--role', 'EDITOR'], 'Give --name, the name of the person the token is for'],
    [['--name', '  ', '--role', 'EDITOR'], 'Give --name, the name of the person the token is for'],
    [['--name', 'Jo Smith'], 'Give at least one --role (VIEWER, EDITOR, AUDITOR, ADMIN)'],
    [['--name', 'Jo', '--role', 'SUPERUSER'], 'Unknown role "SUPERUSER": use VIEWER, EDITOR, AUDITOR, ADMIN'],
    [['--name', 'Jo', '--role', 'EDITOR', '--days', '0'], '--days must be a whole number from 1 to 366'],
    [['--name', 'Jo', '--role', 'EDITOR', '--days', '367'], '--days must be a whole number from 1 to 366'],
    [['--name', 'Jo', '--role', 'EDITOR', '--days', '1.5'], '--days must be a whole number from 1 to 366'],
    [['--name', 'Jo', '--role', 'EDITOR', '--days=-3'], '--days must be a whole number from 1 to 366'],
    [['--name', 'Jo', '--role', 'EDITOR', '--days', '1e2'], '--days must be a whole number from 1 to 366'],
    [['--name', 'Jo\u0007', '--role', 'EDITOR'], '--name must be printable text of at most 200 characters'],
    [
      ['--name', 'J'.repeat(201), '--role', 'EDITOR'],
      '--name must be printable text of at most 200 characters',
    ],
    [
      ['--name', 'Jo', '--role', 'EDITOR', '--owns', ''],
      'Each --owns must be printable text of at most 200 characters',
    ],
  ])('refuses %j: %s', (argv, message) => {
    expect(parseTokenArguments(argv)).toEqual({ kind: 'error', message });
  });

  it('refuses an option it does not know, one without its value, and a stray word', () => {
    expect(parseTokenArguments(['--name', 'Jo', '--role', 'EDITOR', '--admin'])).toMatchObject({
      kind: 'error',
    });
    expect(parseTokenArguments(['--name', 'Jo', '--role'])).toMatchObject({ kind: 'error' });
    expect(parseTokenArguments(['--name', 'Jo', '--role', 'EDITOR', 'extra'])).toMatchObject({
      kind: 'error',
    });
  });
});

describe('the token summary', () => {
  it('says who, what they may do, where, and until when', () => {
    const summary = tokenSummary(
      { name: 'Jo Smith', roles: ['EDITOR'], owns: ['Lead IRO'], days: 30 },
      new Date('2024-05-14T09:30:00.000Z'),
    );
    expect(summary).toBe(
      [
        'Token for Jo Smith (local:jo-smith)',
        '  roles:           EDITOR',
        '  owns:            Lead IRO',
        '  local authority: every authority',
        '  valid until:     2024-06-13T09:30:00Z (30 days)',
        'Whoever holds it can act as Jo Smith: keep it like a password.',
        '',
      ].join('\n'),
    );
  });
});
