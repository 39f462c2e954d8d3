import { describe, expect, it } from '@jest/globals';
import { newTextKey, openSealedText, sealText } from './text-seal.js';

const TEXT = 'Jamie Brown moved placement.';

describe('sealing a text', () => {
  it('opens again with its key', () => {
    const key = newTextKey();
    expect(openSealedText(sealText(TEXT, key, 'event-1/text'), key)).toBe(TEXT);
  });

  it('keeps nothing of the text readable', () =>
    expect(JSON.stringify(sealText(TEXT, newTextKey(), 'event-1/text'))).not.toContain('Jamie'));

  it('seals the same text under the same key identically, so a retried append matches', () => {
    const key = newTextKey();
    expect(sealText(TEXT, key, 'event-1/text')).toEqual(sealText(TEXT, key, 'event-1/text'));
    expect(sealText(TEXT, key, 'event-1/text')).not.toEqual(sealText(`${TEXT}!`, key, 'event-1/text'));
  });

  it('does not open under another key', () =>
    expect(() => openSealedText(sealText(TEXT, newTextKey(), 'event-1/text'), newTextKey())).toThrow());

  it('does not open as the text of another event or field', () => {
    const key = newTextKey();
    const { sealed } = sealText(TEXT, key, 'event-1/text');
    expect(() => openSealedText({ sealed, keyId: 'event-2/text' }, key)).toThrow();
  });

  it('does not open once altered', () => {
    const key = newTextKey();
    const { sealed, keyId } = sealText(TEXT, key, 'event-1/text');
    const bytes = Buffer.from(sealed, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => openSealedText({ sealed: bytes.toString('base64'), keyId }, key)).toThrow();
  });
});
