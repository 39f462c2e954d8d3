import type { RagStatus, RagSummary } from '../../plans/domain/rag.js';
import { RAG_ORDER, RAG_STYLE, ragCountsText } from '../../reports/presentation/display.js';

/** One RAG status's part of the bar, in SVG user units (attributes: the CSP allows no inline style). */
export interface BarSegment {
  readonly rag: RagStatus;
  readonly label: string;
  readonly count: number;
  readonly x: number;
  readonly width: number;
  readonly fill: string;
  readonly ink: string;
  /** Where its count (and label, if it fits) is written, when the segment is wide enough. */
  readonly text: { readonly x: number; readonly value: string } | null;
}

export interface RagBar {
  readonly width: number;
  readonly height: number;
  readonly segments: readonly BarSegment[];
  /** The bar in words: what a screen reader says for the whole image. */
  readonly description: string;
}

/** Room for a count such as "24" inside its segment, and roughly what a character takes at 14px. */
const MIN_TEXT_WIDTH = 28;
const CHARACTER_WIDTH = 8;

/** "24 Amber" where it fits, else "24", else nothing (the counts list beside the bar has them all). */
function segmentText(count: number, label: string, width: number): string | null {
  const full = `${count} ${label}`;
  if (width >= full.length * CHARACTER_WIDTH + 12) return full;
  return width >= MIN_TEXT_WIDTH ? String(count) : null;
}

/**
 * The RAG summary as one horizontal bar, segments in the order boards read them (Red first), each
 * as wide as its share of the actions. Statuses with no actions take no room.
 */
export function layoutRagBar(summary: RagSummary, width = 600, height = 32): RagBar {
  const total = RAG_ORDER.reduce((sum, { count }) => sum + summary[count], 0);
  let x = 0;
  const segments: BarSegment[] = [];
  for (const { rag, count } of RAG_ORDER) {
    const actions = summary[count];
    if (actions === 0) continue;
    const share = (actions / total) * width;
    segments.push({
      rag,
      label: RAG_STYLE[rag].label,
      count: actions,
      x,
      width: share,
      fill: RAG_STYLE[rag].fill,
      ink: RAG_STYLE[rag].ink,
      text: textAt(x + share / 2, segmentText(actions, RAG_STYLE[rag].label, share)),
    });
    x += share;
  }
  const description =
    total === 0 ? 'No actions yet' : `RAG status of ${total} actions: ${ragCountsText(summary)}`;
  return { width, height, segments, description };
}

const textAt = (x: number, value: string | null) => (value === null ? null : { x, value });
