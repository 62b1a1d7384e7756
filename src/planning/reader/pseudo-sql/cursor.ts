import type { Tok } from "./lex.js";
import type { SqlVocab } from "./vocab.js";
import type { ColRef } from "./sketch.js";

/** SQL's own words: never a column, a table or a value. */
export const KEYWORDS = new Set([
  "select",
  "from",
  "where",
  "and",
  "or",
  "group",
  "order",
  "by",
  "limit",
  "having",
  "between",
  "in",
  "is",
  "not",
  "as",
  "desc",
  "asc",
  "over",
  "per",
  "with",
  "of",
  "top",
  "bottom",
  "distinct",
  "join",
  "on",
  "null",
  "like",
  "within",
  "grouped",
  "argmax",
  "argmin",
  "for",
  "all",
  "the",
  "each",
]);

/** A place in the tokens of a question, with the look-ups the parts of the parser share. */
export class Cursor {
  i = 0;

  constructor(
    readonly toks: Tok[],
    readonly v: SqlVocab,
  ) {}

  get done(): boolean {
    return this.i >= this.toks.length;
  }

  peek(o = 0): Tok | undefined {
    return this.toks[this.i + o];
  }

  /** Whether the token at offset o is the word w (or one of the words). */
  word(o: number, ...ws: string[]): boolean {
    const t = this.peek(o);
    return t !== undefined && t.k === "word" && ws.includes(t.lower);
  }

  punct(o: number, p: string): boolean {
    const t = this.peek(o);
    return t !== undefined && t.k === "punct" && t.text === p;
  }

  /** A plain word at offset o: not a keyword, not a symbol. */
  plain(o: number): boolean {
    const t = this.peek(o);
    return t !== undefined && t.k === "word" && !KEYWORDS.has(t.lower) && /^[a-z0-9µ]/i.test(t.text);
  }

  /** Runs a reader at the cursor; when it gives nothing, the cursor goes back where it was. */
  attempt<T>(read: () => T | undefined): T | undefined {
    const at = this.i;
    const r = read();
    if (r === undefined) this.i = at;
    return r;
  }

  /**
   * A column at the cursor, the longest name first: "cell_type", "pre.cell_type", "pre type",
   * "soma depth", "presynaptic cell type", or a side alone ("pre").
   */
  colRef(): ColRef | undefined {
    for (let n = Math.min(this.v.maxWords + 1, 4); n >= 1; n--) {
      const words: string[] = [];
      for (let o = 0; o < n; o++) if (this.plain(o)) words.push(this.peek(o)!.text);
      if (words.length !== n) continue;
      const found = this.v.column(words);
      if (found) {
        this.i += n;
        return found;
      }
    }
    return undefined;
  }

  /** A value: a quoted string, a name, a number or an id. */
  value(): Tok | undefined {
    const t = this.peek();
    if (!t) return undefined;
    if (t.k === "str" || t.k === "num" || t.k === "id" || this.plain(0)) {
      this.i++;
      return t;
    }
    return undefined;
  }

  /** A unit written after a number ("500 um", "30 deg"). */
  unit(): string | undefined {
    const t = this.peek();
    if (t && /^(um3|µm³|µm3|μm3|um\^3|um|µm|μm|nm|deg|degrees?|°|rad|radians?|vx|voxels?|%)$/i.test(t.text)) {
      this.i++;
      return t.text;
    }
    return undefined;
  }
}
