import { describe, expect, it } from '@jest/globals';
import { parseVerifyArguments } from './verify-args.js';

const HEAD = 'ab'.repeat(32);

describe('parseVerifyArguments', () => {
  it('verifies every plan when given no plan', () => {
    expect(parseVerifyArguments([])).toEqual({ kind: 'verify', options: {} });
  });

  it('takes a plan, a recorded head (any case) and a token', () => {
    expect(
      parseVerifyArguments(['--plan', ' plan-1 ', '--expect-head', HEAD.toUpperCase(), '--token', 'jwt']),
    ).toEqual({ kind: 'verify', options: { planId: 'plan-1', expectHead: HEAD, token: 'jwt' } });
  });

  it('asks for help with --help or -h', () => {
    expect(parseVerifyArguments(['-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--expect-head', HEAD], '--expect-head needs --plan: a head hash belongs to one plan'],
    [['--plan', 'p', '--expect-head', 'abc'], '--expect-head must be a SHA-256 hash: 64 hexadecimal digits'],
    [
      ['--plan', 'p', '--expect-head', `${HEAD}0`],
      '--expect-head must be a SHA-256 hash: 64 hexadecimal digits',
    ],
    [['--plan', '  '], '--plan needs the id of a plan'],
  ])('refuses %p', (argv, message) => {
    expect(parseVerifyArguments(argv)).toEqual({ kind: 'error', message });
  });

  it('refuses unknown options and stray words', () => {
    expect(parseVerifyArguments(['--plans', 'p'])).toMatchObject({ kind: 'error' });
    expect(parseVerifyArguments(['plan-1'])).toMatchObject({ kind: 'error' });
  });
});
