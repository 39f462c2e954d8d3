import type { TextField } from '../../plans/domain/events.js';
import { rankOf } from '../domain/search-rank.js';
import type { SearchableText } from '../domain/searchable-texts.js';
import { foldWord, writtenWordsOf } from '../domain/search-words.js';

/** A text as the index holds it now: a redaction puts its notice in the text's place. */
export interface IndexedText extends SearchableText {
  /** A description or theme title recorded again since: history, no longer what the plan shows. */
  readonly superseded: boolean;
  /** The text was erased; `text` reads as the redaction notice. */
  readonly redacted: boolean;
}

interface Entry {
  /** The order texts were recorded in: later is newer. */
  readonly order: number;
  current: IndexedText;
  /** The text's folded words in order, each string shared with the vocabulary. */
  words: readonly string[];
}

/** The texts that hold a word (by order); kept when it empties, as spellings still point to it. */
interface TextsWith {
  readonly word: string;
  orders: number[];
}

const keyOf = (eventId: string, field: TextField | 'title') => `${eventId}/${field}`;

/**
 * The searchable texts of one plan and an inverted index over their words: for each word, the
 * texts that hold it. A query word may be the start of a word, so a search scans the vocabulary
 * (a plan's distinct words: thousands, not its events) for words that start with it, takes the
 * texts of its rarest query word and ranks only those.
 */
export class PlanSearchIndex {
  private readonly entries: Entry[] = [];
  private readonly byField = new Map<string, Entry>();
  private readonly latestAt = new Map<string, Entry>();
  private readonly textsWith = new Map<string, TextsWith>();
  /** Each spelling met ("Caseloads", "caseloads"), so a word is folded once, not at every use. */
  private readonly spelt = new Map<string, TextsWith>();

  add(text: SearchableText): void {
    const entry: Entry = {
      order: this.entries.length,
      current: { ...text, superseded: false, redacted: false },
      words: [],
    };
    this.entries.push(entry);
    this.byField.set(keyOf(text.eventId, text.field), entry);
    if (text.place !== null) {
      const earlier = this.latestAt.get(text.place);
      if (earlier) earlier.current = { ...earlier.current, superseded: true };
      this.latestAt.set(text.place, entry);
    }
    this.index(entry);
  }

  /** From now on the text reads as the notice and is found by the notice's words, never by the erased ones. */
  redact(eventId: string, field: TextField, notice: string): void {
    const entry = this.byField.get(keyOf(eventId, field));
    if (!entry) return;
    this.unindex(entry);
    entry.current = { ...entry.current, text: notice, redacted: true };
    this.index(entry);
  }

  /** How much the index holds: texts, and distinct words (for the bench's memory figures). */
  get size(): { texts: number; words: number } {
    return { texts: this.entries.length, words: this.textsWith.size };
  }

  /** Texts with every query word, best first, newest first among equals; and how many there are. */
  search(queryWords: readonly string[], first: number): { totalCount: number; texts: IndexedText[] } {
    const ranked: { entry: Entry; score: number }[] = [];
    for (const order of this.candidates(queryWords)) {
      const entry = this.entries[order]!;
      const score = rankOf(entry.words, queryWords);
      if (score !== undefined) ranked.push({ entry, score });
    }
    ranked.sort((a, b) => b.score - a.score || b.entry.order - a.entry.order);
    return { totalCount: ranked.length, texts: ranked.slice(0, first).map(({ entry }) => entry.current) };
  }

  /** The texts holding a word that starts with the query word that the fewest texts hold. */
  private candidates(queryWords: readonly string[]): Iterable<number> {
    const lists = queryWords.map((): number[][] => []);
    const counts = queryWords.map(() => 0);
    for (const [word, { orders }] of this.textsWith) {
      queryWords.forEach((query, at) => {
        if (!word.startsWith(query)) return;
        lists[at]!.push(orders);
        counts[at]! += orders.length;
      });
    }
    const rarest = lists[counts.indexOf(Math.min(...counts))]!;
    return rarest.length === 1 ? rarest[0]! : new Set(rarest.flat());
  }

  private index(entry: Entry): void {
    entry.words = writtenWordsOf(entry.current.text).map((written) => {
      const texts = this.textsWithWord(written);
      // A text's words are indexed one after another, so its own repeats are always last.
      if (texts.orders.at(-1) !== entry.order) texts.orders.push(entry.order);
      return texts.word;
    });
  }

  private textsWithWord(written: string): TextsWith {
    let texts = this.spelt.get(written);
    if (texts) return texts;
    const word = foldWord(written);
    texts = this.textsWith.get(word);
    if (!texts) {
      texts = { word, orders: [] };
      this.textsWith.set(word, texts);
    }
    this.spelt.set(written, texts);
    return texts;
  }

  private unindex(entry: Entry): void {
    for (const word of new Set(entry.words)) {
      const texts = this.textsWith.get(word)!;
      texts.orders = texts.orders.filter((order) => order !== entry.order);
    }
    entry.words = [];
  }
}
