import { conditions, where } from "./conditions.js";
import { Cursor } from "./cursor.js";
import { lex } from "./lex.js";
import { argmax, group, limit, order, top } from "./rank.js";
import type { ColRef, Sketch } from "./sketch.js";
import { ParseState, type Clause, type Item } from "./state.js";
import { aggregate } from "./terms.js";
import type { SqlVocab } from "./vocab.js";

/**
 * Pseudo-SQL → a sketch, clause by clause: select lists, from/over a table, where/having/with
 * conditions, group by / per, order by … desc limit k, top k … by …, argmax over … of …, and
 * aggregates wherever they stand. What is none of these stays as typed: plain words as raw text
 * for the reader, SQL-looking parts as leftovers (the reader asks back about them).
 */
export function parse(text: string, v: SqlVocab): Sketch {
  const st = new ParseState(text, new Cursor(lex(text), v));
  const c = st.c;
  while (!c.done) {
    if (CLAUSES.some((clause) => c.attempt(() => clause(st) || undefined))) continue;
    st.keep(st.s.raw, c.i, c.i + 1);
    c.i++;
  }
  return st.s;
}

/** "(one row per nucleus, best cc_abs)", "zeros included": the reader's own conventions, said again. */
const convention: Clause = (st) => {
  const c = st.c;
  for (const phrase of c.v.conventions.flatMap((conv) => conv.phrases)) {
    const want = lex(phrase).map((t) => t.lower);
    const open = c.punct(0, "(") ? 1 : 0;
    if (!want.every((w, k) => c.peek(open + k)?.lower === w)) continue;
    const close = open && c.punct(open + want.length, ")") ? 1 : 0;
    const from = c.i;
    c.i += open + want.length + close;
    st.s.context.push(st.text.slice(c.toks[from + open]!.start, c.toks[c.i - 1 - close]!.end));
    return true;
  }
  return false;
};

const select: Clause = (st) => {
  const c = st.c;
  if (!c.word(0, "select")) return false;
  const start = c.i++;
  if (c.word(0, "distinct")) c.i++;
  do {
    const from = c.i;
    if (c.punct(0, "*")) {
      c.i++;
      st.s.selectAll = true;
      continue;
    }
    const m = aggregate(c);
    const item: Item | undefined = m ? (st.setMeasure(m, from), "measure") : c.colRef();
    if (!item) {
      while (!c.done && !c.punct(0, ",") && !c.word(0, "from", "where", "group", "order", "limit")) c.i++;
      st.keep(st.s.leftover, from, c.i);
      continue;
    }
    if (item !== "measure") st.s.select.push(item);
    st.items.push(item);
    if (c.word(0, "as") && c.plain(1)) {
      st.aliases.set(c.peek(1)!.lower, item);
      c.i += 2;
    }
  } while (c.punct(0, ",") && ++c.i);
  st.s.spans.select = st.span(start);
  return st.sql();
};

/** "pt_root_id where nucleus id = 100594": columns, then their conditions (a select without the word). */
const columnsWhere: Clause = (st) => {
  const c = st.c;
  if (c.i !== 0) return false;
  const refs: ColRef[] = [];
  for (let r = c.colRef(); r; r = c.punct(0, ",") || c.word(0, "and") ? (c.i++, c.colRef()) : undefined) refs.push(r);
  if (!refs.length || !c.word(0, "where", "for")) return false;
  const end = c.i;
  if (c.word(0, "for") && (c.i++, !conditions(st))) return false;
  st.s.select.push(...refs);
  st.items.push(...refs);
  st.s.spans.select = st.span(0, end);
  return true;
};

/** A table at the cursor ("cells", "synapses", "functional props"): the rows asked about. */
function tableHere(st: ParseState): boolean {
  const c = st.c;
  for (let n = 3; n >= 1; n--) {
    const words = c.toks.slice(c.i, c.i + n);
    if (words.length !== n || !words.every((t) => t.k === "word")) continue;
    const table = c.v.table(words.map((t) => t.text));
    if (!table) continue;
    c.i += n;
    st.s.noun = table;
    return true;
  }
  return false;
}

/** "from cells", "over all synapses"; "over" after an aggregate is SQL's "over these rows". */
const from: Clause = (st) => {
  const c = st.c;
  const over = c.word(0, "over");
  if (!c.word(0, "from") && !over) return false;
  c.i++;
  while (c.word(0, "all", "the")) c.i++;
  if (tableHere(st)) return st.sql();
  return over && st.s.measure !== undefined && !c.word(0, "connected");
};

/** An aggregate where it stands; "percentile_cont(0.9) of synapse size" takes what follows "of". */
const measureHere: Clause = (st) => {
  const c = st.c;
  const at = c.i;
  // "count synapses where …", "count 4P roots having …": count as a verb, at the start.
  const verb = c.word(0, "count") && at === 0 && !c.punct(1, "(");
  const m = aggregate(c) ?? (verb ? (c.i++, { fn: "count" as const }) : undefined);
  if (!m) return false;
  if (m.fn === "percentile" && !m.of && c.word(0, "of")) {
    c.i++;
    const ref = c.colRef();
    if (ref) m.of = { ref };
  }
  st.setMeasure(m, at);
  // "count(*) neurons", "count synapses where …": the rows, named right after.
  tableHere(st);
  return st.sql();
};

const CLAUSES: Clause[] = [
  convention,
  select,
  columnsWhere,
  from,
  where,
  group,
  order,
  limit,
  top,
  argmax,
  measureHere,
];
