import { expect, it } from '@jest/globals';
import { summariseRag } from './rag.js';

it('counts each colour and not-rated apart, with the total', () =>
  expect(summariseRag(['RED', 'AMBER', 'AMBER', 'GREEN', 'BLUE', 'NOT_RATED', 'NOT_RATED'])).toEqual({
    red: 1,
    amber: 2,
    green: 1,
    blue: 1,
    notRated: 2,
    total: 7,
  }));

it('summarises no actions as all zeros', () =>
  expect(summariseRag([])).toEqual({ red: 0, amber: 0, green: 0, blue: 0, notRated: 0, total: 0 }));
