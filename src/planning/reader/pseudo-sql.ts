import { TABLES } from "../../store/tables.js";
import { SUMMARY_STEPS } from "../../store/schema.js";
import { Lexicon, phraseKey } from "./lexicon.js";
import type { Prepared } from "./prepare.js";
import { foreign } from "./pseudo-sql/foreign.js";
import { parse } from "./pseudo-sql/parse.js";
import { render } from "./pseudo-sql/render.js";
import { nameKey, sqlVocab } from "./pseudo-sql/vocab.js";

/**
 * A prepare step for questions typed as pseudo-SQL ("SELECT COUNT(*) FROM cells WHERE cell_type =
 * 'NGC'", "avg n_syn per (pre_root, post_root) pair, 23P -> 23P"): rewritten, by a small grammar
 * (pseudo-sql/), into the English the reader reads ("number of NGC cells"). Only text that clearly
 * is SQL-like is touched, and never real SQL over the store's own tables (that is the SQL path's).
 * Nothing is dropped: what has no English stays as typed, and the reader asks back about it; the
 * reader's own conventions said again ("one row per nucleus, best cc_abs") are set aside as context.
 */
export function pseudoSql(p: Prepared): Prepared {
  // ("status_axon=t": a comparison typed without spaces is the same comparison.)
  const spaced = p.text.replace(/\b([A-Za-z]\w*_\w+)\s*(!=|>=|<=|==|=|<|>)\s*(?=['"\w.])/g, "$1 $2 ");
  if (!sqlLike(spaced) || realSql(spaced) || WRITE.test(spaced)) return p;
  const sketch = parse(spaced, sqlVocab());
  if (!sketch.sql || sketch.abandon) return p;
  const { text, kept } = render(sketch, spaced, sqlVocab());
  // What is kept as typed must be something the reader asks about, never something it reads its own way.
  if (kept.some((k) => !foreign(k, readerLexicon()))) return p;
  return { text, context: [...p.context, ...sketch.context] };
}

/** A statement that writes: refused as typed, never rewritten. */
const WRITE = /^\s*(update|insert|delete|drop|create|alter|replace|pragma|attach|detach|vacuum)\b/i;

/** Signs of SQL that English questions do not have. */
const SIGNS: RegExp[] = [
  /\b(count|sum|avg|mean|median|min|max|stddev|stdev|std)\(/i,
  /\b(percentile_cont|percentile_disc|quantile|boxplot|hist|histogram)\(/i,
  /\bcount\s*\(\s*(\*|distinct\b)/i,
  /^\s*select\b/i,
  /\b(group|order)\s+by\b/i,
  /\blimit\s+\d+\s*$/i,
  /\b(pre|post)\.[a-z_]+/i,
  /\barg(max|min)\b/i,
  /\b[a-z]+_[a-z_]+\s*(=|==|!=|<>|<=|>=|<|>)/i,
  /\bwhere\s+[\w. ]{1,30}?\s*(=|==|!=|<>|<=|>=|<|>|\bbetween\b|\bin\s*\()/i,
];

/**
 * Signs of SQL: one of SIGNS, or a snake_case name of the data's columns or aggregates (n_syn,
 * pre_root) that the reader's lexicon does not know already (it reads "strategy_axon" itself).
 */
export function sqlLike(text: string): boolean {
  if (SIGNS.some((re) => re.test(text))) return true;
  const v = sqlVocab();
  const known = (w: string) => readerLexicon().phrases.has(phraseKey(w));
  return [...text.matchAll(/\b[a-z]+(?:_[a-z]+)+\b/gi)].some(
    ([w]) => (v.column([w]) !== undefined || v.aggregates.has(nameKey(w))) && !known(w),
  );
}

let lexicon: Lexicon | undefined;
const readerLexicon = () => (lexicon ??= Lexicon.load());

/** The store's own tables (cell_type, synapse, connection, root_stats, …): SQL over them is real SQL. */
const STORE_TABLES = new Set(
  [
    ...TABLES.map((t) => t.storeTable),
    ...SUMMARY_STEPS.map((s) => s.name),
    "connection",
    "synapse_size_counts",
    "cell_type_size_counts",
    "store_meta",
    "import_log",
  ].map((t) => t.toLowerCase()),
);

/** A SELECT whose every FROM and JOIN names a table of the store (or a WITH of its own). */
export function realSql(text: string): boolean {
  if (!/^\s*(select|with)\b/i.test(text)) return false;
  const own = new Set(
    [...text.matchAll(/(?:\bwith|,)\s*"?([A-Za-z_]\w*)"?\s+as\s*\(/gi)].map((m) => m[1]!.toLowerCase()),
  );
  const tables = [...text.matchAll(/\b(?:from|join)\s+"?([A-Za-z_][\w]*)"?/gi)].map((m) => m[1]!.toLowerCase());
  const store = (t: string) => STORE_TABLES.has(t);
  return tables.some(store) && tables.every((t) => store(t) || own.has(t));
}
