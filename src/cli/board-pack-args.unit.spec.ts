import { describe, expect, it } from '@jest/globals';
import { parseBoardPackArguments } from './board-pack-args.js';

describe('the board pack command line', () => {
  it('takes a plan and defaults to an HTML page, now, on standard output', () => {
    expect(parseBoardPackArguments(['--plan', 'plan-1'])).toEqual({
      kind: 'board-pack',
      options: { request: { planId: 'plan-1' }, format: 'html' },
    });
  });

  it('takes a board meeting, a stale threshold, a format and a file', () => {
    const argv = [
      '--plan',
      'plan-1',
      '--board',
      'board-may',
      '--stale-after-days',
      '28',
      '--format',
      'pdf',
      '--out',
      'may.pdf',
    ];
    expect(parseBoardPackArguments(argv)).toEqual({
      kind: 'board-pack',
      options: {
        request: { planId: 'plan-1', boardMeetingId: 'board-may', staleAfterDays: 28 },
        format: 'pdf',
        out: 'may.pdf',
      },
    });
  });

  it('takes --as-of as an instant or a UK day', () => {
    const parsed = parseBoardPackArguments(['--plan', 'plan-1', '--as-of=2024-05-14']);
    expect(parsed).toMatchObject({ options: { request: { asOf: new Date('2024-05-14T22:59:59.999Z') } } });
  });

  it('asks for help with --help or -h', () => {
    expect(parseBoardPackArguments(['--help'])).toEqual({ kind: 'help' });
    expect(parseBoardPackArguments(['-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], '--plan needs the id of a plan'],
    [['--plan', ' '], '--plan needs the id of a plan'],
    [['--plan', 'p', '--format', 'docx'], '--format must be html or pdf'],
    [['--plan', 'p', '--board', 'b', '--as-of', '2024-05-14'], 'Give either --as-of or --board, not both'],
    [['--plan', 'p', '--as-of', 'last Tuesday'], '--as-of must be an instant with its offset'],
    [
      ['--plan', 'p', '--stale-after-days', 'six'],
      '--stale-after-days must be a whole number of days from 1 to 3650',
    ],
    [['--plan', 'p', '--out', ''], '--out needs a file name'],
    [['--plan', 'p', '--colour'], "Unknown option '--colour'"],
    [['--plan', 'p', 'extra'], "Unexpected argument 'extra'"],
    [['--plan'], "Option '--plan <value>' argument missing"],
  ])('refuses %j: %s', (argv, message) => {
    const parsed = parseBoardPackArguments(argv);
    expect(parsed.kind).toBe('error');
    expect(parsed).toMatchObject({ message: expect.stringContaining(message) });
  });
});
