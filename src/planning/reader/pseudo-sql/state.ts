import type { Cursor } from "./cursor.js";
import { emptySketch, type ColRef, type Measure, type Seg } from "./sketch.js";

/** A select-list item: the measure or a column, for "group by 1", "order by 2" and aliases. */
export type Item = "measure" | ColRef;

/** What the clause readers share while parsing one question: the cursor, the sketch so far, the select list. */
export class ParseState {
  readonly s = emptySketch();
  readonly items: Item[] = [];
  readonly aliases = new Map<string, Item>();
  private readonly lastEnd = new Map<Seg[], number>();

  constructor(
    readonly text: string,
    readonly c: Cursor,
  ) {}

  /** Keeps tokens [from, to) as typed, joined to the stretch before when they follow on. */
  keep(list: Seg[], from: number, to: number): void {
    if (to <= from) return;
    const last = list[list.length - 1];
    if (last && this.lastEnd.get(list) === from) last.end = this.c.toks[to - 1]!.end;
    else list.push({ start: this.c.toks[from]!.start, end: this.c.toks[to - 1]!.end });
    this.lastEnd.set(list, to);
  }

  /** The text of tokens [from, to) as a stretch. */
  span(from: number, to = this.c.i): Seg {
    return { start: this.c.toks[from]!.start, end: this.c.toks[Math.max(from, to - 1)]!.end };
  }

  /** Marks that SQL was read (else the question is left as it was). */
  sql(): true {
    this.s.sql = true;
    return true;
  }

  /** The question's one measure; a second one cannot be asked in the same question, and stays as typed. */
  setMeasure(m: Measure, from: number): void {
    const c = this.c;
    if (this.s.measure && JSON.stringify(this.s.measure) !== JSON.stringify(m)) this.keep(this.s.leftover, from, c.i);
    else if (!this.s.measure) {
      this.s.measure = m;
      this.s.spans.measure = this.span(from);
    }
    if (c.word(0, "as") && c.plain(1)) {
      this.aliases.set(c.peek(1)!.lower, "measure");
      c.i += 2;
    }
  }
}

/** A clause reader: reads its clause at the cursor and says whether it did. */
export type Clause = (st: ParseState) => boolean;
