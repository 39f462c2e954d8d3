import { describe, expect, it } from '@jest/globals';
import { StreamHeads } from './stream-heads.js';

const head = (revision: number) => ({ revision, hash: String(revision).repeat(64).slice(0, 64) });

describe('StreamHeads', () => {
  it('recalls a head only at the revision it was remembered at', () => {
    const heads = new StreamHeads(10);
    heads.remember('plan-1', head(4));
    expect(heads.recall('plan-1', 4)).toEqual(head(4));
    expect(heads.recall('plan-1', 3)).toBeUndefined();
    expect(heads.recall('plan-2', 4)).toBeUndefined();
  });

  it('forgets the least recently used stream beyond its capacity', () => {
    const heads = new StreamHeads(2);
    heads.remember('plan-1', head(1));
    heads.remember('plan-2', head(2));
    heads.recall('plan-1', 1);
    heads.remember('plan-3', head(3));
    expect(heads.recall('plan-2', 2)).toBeUndefined();
    expect(heads.recall('plan-1', 1)).toEqual(head(1));
    expect(heads.recall('plan-3', 3)).toEqual(head(3));
  });

  it('forgets a stream on request', () => {
    const heads = new StreamHeads(2);
    heads.remember('plan-1', head(1));
    heads.forget('plan-1');
    expect(heads.recall('plan-1', 1)).toBeUndefined();
  });
});
