import { Cursor } from "./cursor.js";
import { lex } from "./lex.js";
import { emptySketch, type ColRef, type Measure, type Seg, type Sketch } from "./sketch.js";
import { aggregate, predicate } from "./terms.js";
import type { SqlVocab } from "./vocab.js";

/**
 * Pseudo-SQL → a sketch, clause by clause: select lists, from/over a table, where/having/with
 * conditions, group by / per, order by … desc limit k, top k … by …, argmax over … of …, and
 * aggregates wherever they stand. What is none of these stays as typed: plain words as raw text
 * for the reader, SQL-looking parts as leftovers (the reader asks back about them).
 */
export function parse(text: string, v: SqlVocab): Sketch {
  return new Parser(text, new Cursor(lex(text), v)).run();
}

type Item = "measure" | ColRef;

class Parser {
  private readonly s = emptySketch();
  /** The select list in order, for "group by 1" and "order by 2". */
  private readonly items: Item[] = [];
  private readonly aliases = new Map<string, Item>();
  private lastEnd = new Map<Seg[], number>();

  constructor(private readonly text: string, private readonly c: Cursor) {}

  run(): Sketch {
    const c = this.c;
    while (!c.done) {
      const steps = [this.convention, this.select, this.columnsWhere, this.from, this.where, this.group, this.order, this.limit, this.top,
        this.argmax, this.measureHere];
      if (steps.some((step) => this.c.attempt(() => step.call(this) || undefined))) continue;
      this.keep(this.s.raw, c.i, c.i + 1);
      c.i++;
    }
    return this.s;
  }

  /** Keeps tokens [from, to) as typed, joined to the stretch before when they follow on. */
  private keep(list: Seg[], from: number, to: number): void {
    if (to <= from) return;
    const last = list[list.length - 1];
    if (last && this.lastEnd.get(list) === from) last.end = this.c.toks[to - 1]!.end;
    else list.push({ start: this.c.toks[from]!.start, end: this.c.toks[to - 1]!.end });
    this.lastEnd.set(list, to);
  }

  /** The text of tokens [from, to) as a stretch. */
  private span(from: number, to = this.c.i): Seg {
    return { start: this.c.toks[from]!.start, end: this.c.toks[Math.max(from, to - 1)]!.end };
  }

  private sql<T>(r: T): T {
    if (r) this.s.sql = true;
    return r;
  }

  /** "(one row per nucleus, best cc_abs)", "zeros included": the reader's own conventions, said again. */
  private convention(): boolean {
    const c = this.c;
    for (const conv of c.v.conventions) {
      for (const phrase of conv.phrases) {
        const want = lex(phrase).map((t) => t.lower);
        const open = c.punct(0, "(") ? 1 : 0;
        if (!want.every((w, k) => c.peek(open + k)?.lower === w)) continue;
        const close = open && c.punct(open + want.length, ")") ? 1 : 0;
        const from = c.i;
        c.i += open + want.length + close;
        this.s.context.push(this.text.slice(c.toks[from + open]!.start, c.toks[c.i - 1 - close]!.end));
        return true;
      }
    }
    return false;
  }

  private select(): boolean {
    const c = this.c;
    if (!c.word(0, "select")) return false;
    const start = c.i++;
    if (c.word(0, "distinct")) c.i++;
    do {
      const from = c.i;
      if (c.punct(0, "*")) {
        c.i++;
        this.s.selectAll = true;
        continue;
      }
      const m = aggregate(c);
      const item: Item | undefined = m ? (this.setMeasure(m, from), "measure") : c.colRef();
      if (!item) {
        while (!c.done && !c.punct(0, ",") && !c.word(0, "from", "where", "group", "order", "limit")) c.i++;
        this.keep(this.s.leftover, from, c.i);
        continue;
      }
      if (item !== "measure") this.s.select.push(item);
      this.items.push(item);
      if (c.word(0, "as") && c.plain(1)) {
        this.aliases.set(c.peek(1)!.lower, item);
        c.i += 2;
      }
    } while (c.punct(0, ",") && ++c.i);
    this.s.spans.select = this.span(start);
    return this.sql(true);
  }

  /** "pt_root_id where nucleus id = 100594": columns first, then their conditions (a select without the word). */
  private columnsWhere(): boolean {
    const c = this.c;
    if (c.i !== 0) return false;
    const refs: ColRef[] = [];
    for (let r = c.colRef(); r; r = c.punct(0, ",") || c.word(0, "and") ? (c.i++, c.colRef()) : undefined) refs.push(r);
    if (!refs.length || !c.word(0, "where", "for")) return false;
    const end = c.i;
    if (c.word(0, "for") && (c.i++, !this.conditions())) return false;
    this.s.select.push(...refs);
    this.items.push(...refs);
    this.s.spans.select = this.span(0, end);
    return true;
  }

  /** A table named right after an aggregate: "count(*) neurons", "count synapses where …". */
  private tableHere(): boolean {
    const c = this.c;
    for (let n = 3; n >= 1; n--) {
      const words = c.toks.slice(c.i, c.i + n);
      if (words.length !== n || !words.every((t) => t.k === "word")) continue;
      const table = c.v.table(words.map((t) => t.text));
      if (!table) continue;
      c.i += n;
      this.s.noun = table;
      return true;
    }
    return false;
  }

  /** "from cells", "over all synapses"; "over" after an aggregate is SQL's "over these rows". */
  private from(): boolean {
    const c = this.c;
    const over = c.word(0, "over");
    if (!c.word(0, "from") && !over) return false;
    c.i++;
    while (c.word(0, "all", "the")) c.i++;
    if (this.tableHere()) return this.sql(true);
    return over && this.s.measure !== undefined && !c.word(0, "connected");
  }

  /** "where …", "having …", "with …": conditions joined by and (or, for values of one column). */
  private where(): boolean {
    const c = this.c;
    const keyword = c.word(0, "where", "having");
    const having = c.word(0, "having");
    if (!keyword && !c.word(0, "with")) return false;
    const start = c.i++;
    const read = this.conditions();
    if (!read && !keyword) return false;
    // A having is SQL through and through: what of it is not read stays as typed, up to the next
    // clause ("having count(*) > 100" must not leave "> 100" to be read as something else).
    // A where with no condition after it stays as typed too.
    if (having) {
      const from = read ? c.i : start;
      while (!c.done && !c.word(0, "group", "order", "limit", "where") && !c.punct(0, ";")) c.i++;
      this.keep(this.s.leftover, from, c.i);
    } else if (!read) this.keep(this.s.leftover, start, start + 1);
    return true;
  }

  private conditions(): boolean {
    const c = this.c;
    for (let any = false; ; any = true) {
      const from = c.i;
      const r = this.condition();
      if (!r) return any;
      // An or that is not between values of one column is kept as typed, with its condition.
      if (!("pred" in r) || (r.pred.t === "value" && !this.orValues(r.pred))) this.keep(this.s.leftover, from, c.i);
      else {
        this.s.preds.push(r.pred);
        this.s.sql = true;
        r.pred.at = this.span(from);
      }
      if (!(c.word(0, "and") || c.punct(0, ",")) || !this.next()) return true;
      c.i++;
    }
  }

  private condition(): ReturnType<typeof predicate> {
    return this.c.punct(0, "(") ? this.c.attempt(() => this.bracketed()) : predicate(this.c);
  }

  /** "(area = 'V1' or area = 'RL')": values of one column in brackets. */
  private bracketed(): ReturnType<typeof predicate> {
    const c = this.c;
    c.i++;
    const r = predicate(c);
    if (!r || !("pred" in r) || r.pred.t !== "value" || !this.orValues(r.pred) || !c.punct(0, ")")) return undefined;
    c.i++;
    return r;
  }

  /** Whether a condition follows the "and" or comma at the cursor. */
  private next(): boolean {
    const c = this.c;
    const at = c.i;
    c.i++;
    const ok = this.condition() !== undefined;
    c.i = at;
    return ok;
  }

  /** "cell_type = 'BC' or cell_type = 'MC'": one condition with two values; false for any other or. */
  private orValues(p: Extract<Sketch["preds"][number], { t: "value" }>): boolean {
    const c = this.c;
    while (c.word(0, "or")) {
      const at = c.i++;
      const r = predicate(c);
      if (!r || !("pred" in r) || r.pred.t !== "value" || r.pred.ref.col !== p.ref.col || r.pred.ref.side !== p.ref.side
        || r.pred.not || p.not) {
        if (!r) c.i = at + 1;
        return false;
      }
      p.values.push(...r.pred.values);
    }
    return true;
  }

  /** "group by pre.cell_type, post.cell_type", "per area", "per (pre_root, post_root) pair". */
  private group(): boolean {
    const c = this.c;
    const keyword = (c.word(0, "group", "grouped") && c.word(1, "by")) ? 2 : c.word(0, "group") ? 1 : 0;
    const soft = keyword ? 0 : c.word(0, "per", "by") ? 1 : c.word(0, "for") && c.word(1, "each") ? 2 : 0;
    if (!keyword && !soft) return false;
    const start = c.i;
    c.i += keyword || soft;
    let any = false;
    do {
      const g = this.groupItem();
      if (!g) break;
      any = true;
    } while (c.punct(0, ",") && this.c.attempt(() => (c.i++, this.groupItem() ? true : undefined)));
    if (!any) {
      if (soft) return false;
      this.keep(this.s.leftover, start, c.i);
    }
    this.s.spans.group = this.s.spans.group ? { ...this.s.spans.group, end: this.span(start).end } : this.span(start);
    return this.sql(true);
  }

  private groupItem(): boolean {
    const c = this.c;
    const t = c.peek();
    if (t?.k === "num" && /^\d$/.test(t.text)) {
      const item = this.items[Number(t.text) - 1];
      if (!item || item === "measure") return false;
      c.i++;
      this.s.groups.push(item);
      return true;
    }
    if (c.punct(0, "(")) {
      const at = c.i++;
      const a = c.colRef();
      const b = c.punct(0, ",") ? (c.i++, c.colRef()) : undefined;
      const root = (r?: ColRef) => r?.side && (!r.col || r.col.dim === "root_id");
      if (!root(a) || !root(b) || a!.side === b!.side || !c.punct(0, ")")) return false;
      c.i++;
      if (c.word(0, "pair", "pairs", "connection", "connections")) c.i++;
      this.s.perConnection = true;
      this.s.spans.perConnection = this.span(at);
      return true;
    }
    const ref = c.colRef();
    if (!ref) return false;
    this.s.groups.push(ref);
    return true;
  }

  /** "order by 2 desc", "order by count(*) desc", "order by n desc": by the measure; anything else stays. */
  private order(): boolean {
    const c = this.c;
    if (!c.word(0, "order", "sort", "ordered", "sorted") || !c.word(1, "by")) return false;
    const start = c.i;
    c.i += 2;
    const t = c.peek();
    const from = c.i;
    let byMeasure = false;
    if (t?.k === "num" && /^\d$/.test(t.text)) byMeasure = this.items[Number(t.text) - 1] === "measure" && (c.i++, true);
    else if (t?.k === "word" && this.aliases.has(t.lower)) byMeasure = this.aliases.get(t.lower) === "measure" && (c.i++, true);
    else {
      const m = aggregate(c);
      if (m && !this.s.measure) this.setMeasure(m, from);
      byMeasure = m !== undefined && (this.s.measure === undefined || JSON.stringify(m) === JSON.stringify(this.s.measure));
    }
    if (!byMeasure) {
      while (!c.done && !c.word(0, "limit")) c.i++;
      this.keep(this.s.leftover, start, c.i);
      this.s.orderOther = true;
      return this.sql(true);
    }
    const dir = c.word(0, "desc", "descending") ? "desc" : "asc";
    if (c.word(0, "desc", "descending", "asc", "ascending")) c.i++;
    this.s.order = dir;
    this.s.spans.order = this.span(start);
    return this.sql(true);
  }

  private limit(): boolean {
    const c = this.c;
    if (!c.word(0, "limit") || c.peek(1)?.k !== "num") return false;
    this.s.limit = Number(c.peek(1)!.text);
    c.i += 2;
    this.s.spans.limit = this.span(c.i - 2);
    return this.sql(true);
  }

  /** "top 5 pre_pt_root_id by count(*)", "top 3 by avg(size)". */
  private top(): boolean {
    const c = this.c;
    if (!c.word(0, "top", "bottom") || c.peek(1)?.k !== "num") return false;
    const dir = c.word(0, "top") ? "desc" : "asc";
    const k = Number(c.peek(1)!.text);
    c.i += 2;
    const groups: ColRef[] = [];
    for (let g = c.colRef(); g; g = c.punct(0, ",") ? (c.i++, c.colRef()) : undefined) groups.push(g);
    if (!c.word(0, "by")) return false;
    c.i++;
    const from = c.i;
    const m = aggregate(c);
    if (!m) return false;
    this.setMeasure(m, from);
    this.s.groups.push(...groups);
    this.s.order = dir;
    this.s.limit = k;
    return this.sql(true);
  }

  /** "argmax over post.cell_type of count(*)", "argmax(count(*)) by post.cell_type". */
  private argmax(): boolean {
    const c = this.c;
    if (!c.word(0, "argmax", "argmin")) return false;
    const dir = c.word(0, "argmax") ? "desc" : "asc";
    c.i++;
    let from = c.i;
    let m = c.punct(0, "(") ? (c.i++, aggregate(c)) : undefined;
    if (m && !c.punct(0, ")")) return false;
    if (m) c.i++;
    if (c.word(0, "over", "of", "by") || c.punct(0, ",")) c.i++;
    const g = c.colRef();
    if (!g) return false;
    if (!m) {
      if (c.word(0, "of", "by") || c.punct(0, ",")) c.i++;
      from = c.i;
      m = aggregate(c);
      if (!m) return false;
    }
    this.setMeasure(m, from);
    this.s.groups.push(g);
    this.s.order = dir;
    this.s.limit = 1;
    return this.sql(true);
  }

  /** An aggregate where it stands; "percentile_cont(0.9) of synapse size" takes what follows "of". */
  private measureHere(): boolean {
    const c = this.c;
    const from = c.i;
    // "count synapses where …", "count 4P roots having …": count as a verb, at the start.
    const m = aggregate(c) ?? (c.word(0, "count") && from === 0 && !c.punct(1, "(") ? (c.i++, { fn: "count" as const }) : undefined);
    if (!m) return false;
    if (m.fn === "percentile" && !m.of && c.word(0, "of")) {
      c.i++;
      const ref = c.colRef();
      if (ref) m.of = { ref };
    }
    this.setMeasure(m, from);
    this.tableHere();
    return this.sql(true);
  }

  /** The question's one measure; a second one cannot be asked in the same question, and stays. */
  private setMeasure(m: Measure, from: number): void {
    if (this.s.measure && JSON.stringify(this.s.measure) !== JSON.stringify(m)) this.keep(this.s.leftover, from, this.c.i);
    else if (!this.s.measure) {
      this.s.measure = m;
      this.s.spans.measure = this.span(from);
    }
    if (this.c.word(0, "as") && this.c.plain(1)) {
      this.aliases.set(this.c.peek(1)!.lower, "measure");
      this.c.i += 2;
    }
  }
}
