import type { RagStatus } from '../../plans/domain/rag.js';
import { ragLabel } from '../presentation/display.js';
import { markup, type SafeHtml } from './escape.js';

/** A RAG status as a coloured badge that also says its name: colour is never alone. */
export const ragBadge = (rag: RagStatus): SafeHtml =>
  markup`<span class="rag rag-${rag.toLowerCase()}">${ragLabel(rag)}</span>`;
