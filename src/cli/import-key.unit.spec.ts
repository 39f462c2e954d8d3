import { describe, expect, it } from '@jest/globals';
import { readIdempotencyKey } from '../plans/domain/idempotency.js';
import { cliImportKey } from './import-key.js';

const file = { fileName: '/home/ann/plans/iow.txt', content: Buffer.from('1.1\tCaseloads\n'), title: 'IOW' };

describe('the key npm run import sends', () => {
  it('is the same when the same file is imported again with the same options', () =>
    expect(cliImportKey({ ...file, fileName: 'iow.txt' }, undefined)).toBe(cliImportKey(file, undefined)));

  it.each([
    ['other content', { ...file, content: Buffer.from('1.2\tCaseloads\n') }, 11],
    ['another title', { ...file, title: 'Isle of Wight' }, 11],
    ['another effective date', { ...file, effectiveDate: '2024-03-31' }, 11],
    ['the plan having moved on', file, 12],
  ])('changes with %s', (_, request, planVersion) =>
    expect(cliImportKey(request, planVersion)).not.toBe(cliImportKey(file, 11)),
  );

  it('is a key the API accepts', () =>
    expect(readIdempotencyKey(cliImportKey(file, undefined))).toHaveProperty('key'));
});
