import { describe, expect, it } from '@jest/globals';
import { foldWord, wordsOf, writtenWordsOf } from './search-words.js';

const words = (text: string) => wordsOf(text).map(({ word }) => word);

describe('cutting text into search words', () => {
  it('ignores case and accents', () => {
    expect(words('Café CRÈME naïve Zoë')).toEqual(['cafe', 'creme', 'naive', 'zoe']);
  });

  it('reads an accent written as a separate combining mark like a precomposed one', () => {
    expect(foldWord('Re\u0301sume\u0301')).toBe(foldWord('Résumé'));
  });

  it('folds letters that have no accent to strip', () => {
    expect(words('Straße ŒUVRE Łódź Ærø')).toEqual(['strasse', 'oeuvre', 'lodz', 'aero']);
  });

  it('keeps a word with an apostrophe whole, with or without it', () => {
    expect(words("Children's Children’s childrens")).toEqual(['childrens', 'childrens', 'childrens']);
  });

  it('keeps a ref or a decimal whole but splits at other punctuation', () => {
    expect(words('Action 1.10: caseload 18.5, multi-agency (MASH).')).toEqual([
      'action',
      '1.10',
      'caseload',
      '18.5',
      'multi',
      'agency',
      'mash',
    ]);
  });

  it.each([
    'Caseloads fell to 18.5 (from 22) in Q2 – the team’s “best” since 2019.',
    "Action 1.10's owner: LIRO; v.2 of the 'what good looks like' exemplars — agreed 23/04/2024.",
  ])('cuts English text the same way on its fast path as any other text (%#)', (text) => {
    const forcedUnicode = `${text} é`;
    expect(wordsOf(text)).toEqual(wordsOf(forcedUnicode).slice(0, -1));
    expect(writtenWordsOf(text)).toEqual(writtenWordsOf(forcedUnicode).slice(0, -1));
  });

  it('says where each word stands in the original text', () => {
    const text = '“Élan” – e\u0301lan';
    expect(wordsOf(text).map(({ start, end }) => text.slice(start, end))).toEqual(['Élan', 'e\u0301lan']);
  });
});
