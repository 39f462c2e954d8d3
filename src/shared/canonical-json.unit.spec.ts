import { describe, expect, it } from '@jest/globals';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ title: 'Plan', planId: 'p-1' })).toBe(
      canonicalJson({ planId: 'p-1', title: 'Plan' }),
    );
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    // U+00E9 (é) sorts before U+1F600 (an emoji: surrogates D83D DE00) and after "z".
    expect(canonicalJson({ '\u{1F600}': 1, é: 2, z: 3, A: 4 })).toBe('{"A":4,"z":3,"é":2,"\u{1F600}":1}');
  });

  it('encodes values as a JSON store keeps them, so an event hashes the same before and after storing', () => {
    const appended = {
      note: 'Front door — MASH ✓ "quoted" \\ \n \u0000',
      effectiveDate: undefined,
      heldOn: new Date('2024-05-14T17:00:00.000Z'),
      weights: [0.25, -0, 1e21, Number.NaN, undefined],
      count: 9007199254740991,
    };
    const readBack = JSON.parse(JSON.stringify(appended)) as unknown;
    expect(canonicalJson(appended)).toBe(canonicalJson(readBack));
    expect(canonicalJson(appended)).toBe(
      '{"count":9007199254740991,"heldOn":"2024-05-14T17:00:00.000Z",' +
        '"note":"Front door — MASH ✓ \\"quoted\\" \\\\ \\n \\u0000","weights":[0.25,0,1e+21,null,null]}',
    );
  });

  it('refuses a value JSON cannot hold', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ big: 1n })).toThrow(TypeError);
  });
});
