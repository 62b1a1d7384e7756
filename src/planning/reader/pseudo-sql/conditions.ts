import type { Pred } from "./sketch.js";
import type { ParseState } from "./state.js";
import { predicate, type PredResult } from "./terms.js";

/**
 * "where …", "having …", "with …": conditions joined by and or commas; "or" only between values
 * of one column ("cell_type = 'BC' or cell_type = 'MC'", "(area = 'V1' or area = 'RL')"). A
 * condition that is not translated stays as typed, whole.
 */
export function where(st: ParseState): boolean {
  const c = st.c;
  const keyword = c.word(0, "where", "having");
  const having = c.word(0, "having");
  if (!keyword && !c.word(0, "with")) return false;
  const start = c.i++;
  const read = conditions(st);
  if (!read && !keyword) return false;
  // A having is SQL through and through: what of it is not read stays as typed, up to the next
  // clause ("having count(*) > 100" must not leave "> 100" to be read as something else).
  // A where with no condition after it stays as typed too.
  if (having) {
    const from = read ? c.i : start;
    while (!c.done && !c.word(0, "group", "order", "limit", "where") && !c.punct(0, ";")) c.i++;
    st.keep(st.s.leftover, from, c.i);
  } else if (!read) st.keep(st.s.leftover, start, start + 1);
  return true;
}

/** Conditions at the cursor, as many as follow one another; false when there is none. */
export function conditions(st: ParseState): boolean {
  const c = st.c;
  for (let any = false; ; any = true) {
    const from = c.i;
    const r = condition(st);
    if (!r) return any;
    if ("pred" in r && r.pred.t === "value" && !orValues(st, r.pred)) return abandon(st, "or");
    // "not depth > 300" kept as typed would be read without its not.
    if (!("pred" in r) && r.negated) return abandon(st, "not");
    if (!("pred" in r)) st.keep(st.s.leftover, from, c.i);
    else {
      st.s.preds.push(r.pred);
      st.sql();
      r.pred.at = st.span(from);
    }
    // An or between conditions of different columns (a union) is not a condition the reader reads.
    if (c.word(0, "or")) return abandon(st, "or");
    if (!(c.word(0, "and") || c.punct(0, ",")) || !followed(st)) return true;
    c.i++;
  }
}

/** Gives up on the question: it is left as typed (see Sketch.abandon); true, to stop the clause. */
function abandon(st: ParseState, why: string): true {
  st.s.abandon = why;
  return true;
}

function condition(st: ParseState): PredResult | undefined {
  const c = st.c;
  if (!c.punct(0, "(")) return predicate(c);
  const r = c.attempt(() => bracketed(st));
  if (r) return r;
  // "(depth > 300 or volume > 400)": an or in brackets that is not between values of one column.
  let depth = 0;
  for (let o = 0; c.peek(o) && !(depth === 1 && c.punct(o, ")")); o++) {
    if (c.punct(o, "(")) depth++;
    else if (c.punct(o, ")")) depth--;
    else if (c.word(o, "or")) abandon(st, "or");
  }
  return undefined;
}

/** "(area = 'V1' or area = 'RL')": values of one column in brackets. */
function bracketed(st: ParseState): PredResult | undefined {
  const c = st.c;
  c.i++;
  const r = predicate(c);
  if (!r || !("pred" in r) || r.pred.t !== "value" || !orValues(st, r.pred) || !c.punct(0, ")")) return undefined;
  c.i++;
  return r;
}

/** Whether a condition follows the "and" or comma at the cursor. */
function followed(st: ParseState): boolean {
  const c = st.c;
  const at = c.i++;
  const ok = condition(st) !== undefined;
  c.i = at;
  return ok;
}

/** "cell_type = 'BC' or cell_type = 'MC'": one condition with two values; false for any other or. */
function orValues(st: ParseState, p: Extract<Pred, { t: "value" }>): boolean {
  const c = st.c;
  while (c.word(0, "or")) {
    const at = c.i++;
    const r = predicate(c);
    const other = r && "pred" in r && r.pred.t === "value" ? r.pred : undefined;
    if (!other || other.ref.col !== p.ref.col || other.ref.side !== p.ref.side || other.not || p.not) {
      if (!r) c.i = at + 1;
      return false;
    }
    p.values.push(...other.values);
  }
  return true;
}
