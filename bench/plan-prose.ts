import { readFileSync } from 'node:fs';
import type { LargePlanTexts } from './large-plan.js';

/**
 * Notes, reasons and descriptions made of sentences from the published Isle of Wight plan, so a
 * search bench meets a real vocabulary (its common words and its rare ones) at the volume of a
 * large plan. Deterministic: the same index always gives the same text.
 */
const fixture = new URL('../../test/fixtures/iow-2024-ilacs-improvement-plan.txt', import.meta.url);

const wordCount = (sentence: string) => sentence.split(/\s+/).length;

const sentences = readFileSync(fixture, 'utf8')
  .replace(/<\/?p>/g, ' ')
  .split(/(?<=[.!?])\s+|\t|\n/)
  .map((sentence) => sentence.trim())
  .filter((sentence) => wordCount(sentence) >= 4 && wordCount(sentence) <= 60);
const short = sentences.filter((sentence) => wordCount(sentence) <= 16);

/** A well-mixed integer from an index and a salt (a 32-bit integer hash). */
function mixed(index: number, salt: number): number {
  let value = Math.imul(index ^ salt, 0x9e3779b1);
  value = Math.imul(value ^ (value >>> 15), 0x85ebca6b);
  return (value ^ (value >>> 13)) >>> 0;
}

const pick = (from: readonly string[], index: number, salt: number) =>
  from[mixed(index, salt) % from.length]!;

export const PLAN_PROSE: LargePlanTexts = {
  description: (index) => pick(sentences, index, 1),
  reason: (index) => pick(short, index, 2),
  note: (index) => `${pick(sentences, index, 3)} ${pick(sentences, index, 4)}`,
};

/** How many sentences the texts are drawn from (for the report). */
export const PROSE_SENTENCES = sentences.length;
