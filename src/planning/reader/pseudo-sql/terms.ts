import type { Cursor } from "./cursor.js";
import { valueText, type Tok } from "./lex.js";
import type { ColRef, Measure, Operand, Pred } from "./sketch.js";
import { nameKey } from "./vocab.js";

/**
 * The parts of a pseudo-SQL question: conditions ("pre.cell_type = '5P-IT'", "soma depth between
 * 300 and 500 um", "status_axon = 't'") and aggregates ("count(*)", "avg(size)",
 * "percentile_cont(0.9)", "count(distinct pre_root, post_root)", "sum(a = x) / sum(a = y)").
 * Each reader returns undefined (and moves nothing) when the words are not that part.
 */

type Op = "gt" | "gte" | "lt" | "lte" | "eq" | "ne";
const OPS: Record<string, Op> = {
  ">": "gt",
  ">=": "gte",
  "≥": "gte",
  "<": "lt",
  "<=": "lte",
  "≤": "lte",
  "=": "eq",
  "==": "eq",
  "!=": "ne",
  "<>": "ne",
};

/** What a condition came to: a condition, or a stretch that looks like one but is not translated. */
export type PredResult = { pred: Pred } | { untranslated: true; negated?: boolean };

export function predicate(c: Cursor): PredResult | undefined {
  return (
    c.attempt(() => both(c)) ??
    c.attempt(() => countCondition(c)) ??
    c.attempt(() => columnCondition(c)) ??
    c.attempt(() => unknownCondition(c))
  );
}

/** "both pre and post are inhibitory types": the words up to the next clause, on both sides. */
function both(c: Cursor): PredResult | undefined {
  if (!c.word(0, "both") || !c.word(1, "pre", "presynaptic") || !c.word(2, "and")) return undefined;
  if (!c.word(3, "post", "postsynaptic")) return undefined;
  c.i += 4;
  if (c.word(0, "are", "is") || c.peek()?.text === "=") c.i++;
  const words: Tok[] = [];
  while (c.plain(0)) words.push(c.toks[c.i++]!);
  return words.length ? { pred: { t: "both", words: words.map((w) => w.text).join(" ") } } : undefined;
}

/** "count(input synapses) > 60" (in a having): a number of synapses per root. */
function countCondition(c: Cursor): PredResult | undefined {
  if (!(c.word(0, "count") && c.punct(1, "("))) return undefined;
  c.i += 2;
  const ref = c.colRef();
  if (!ref?.col || ref.col.kind !== "count" || !c.punct(0, ")")) return undefined;
  c.i++;
  return compare(c, ref);
}

function columnCondition(c: Cursor): PredResult | undefined {
  const negated = c.word(0, "not") ? (c.i++, true) : false;
  const ref = c.colRef();
  if (!ref) return undefined;
  const r = compare(c, ref);
  if (!r || !negated) return r;
  // "not depth > 300": only a value can be negated in the reader's words ("that are not BC").
  if ("pred" in r && r.pred.t === "value") return { pred: { ...r.pred, not: !r.pred.not } };
  return { untranslated: true, negated: true };
}

/** The comparison after a column: "= 'x'", "> 0.3", "between a and b", "in (a, b)", or a bare value. */
function compare(c: Cursor, ref: ColRef): PredResult | undefined {
  const kind = ref.unknown ? "unknown" : (ref.col?.kind ?? "any");
  const op = c.peek()?.k === "op" ? OPS[c.peek()!.text] : undefined;
  if (c.word(0, "between")) {
    c.i++;
    const lo = c.value();
    if (!lo || !c.word(0, "and")) return undefined;
    c.i++;
    const hi = c.value();
    if (!hi) return undefined;
    const unit = c.unit();
    if (!numeric(kind) || lo.k !== "num" || hi.k !== "num") return { untranslated: true };
    return { pred: { t: "between", ref, lo: lo.text, hi: hi.text, unit } };
  }
  if (c.word(0, "in", "not") && (c.punct(1, "(") || (c.word(1, "in") && c.punct(2, "(")))) {
    const not = c.word(0, "not");
    c.i += not ? 3 : 2;
    const values: Tok[] = [];
    for (let v = c.value(); v; v = c.punct(0, ",") ? (c.i++, c.value()) : undefined) values.push(v);
    if (!values.length || !c.punct(0, ")")) return undefined;
    c.i++;
    if (kind !== "category" && kind !== "id" && kind !== "any") return { untranslated: true };
    return { pred: { t: "value", ref, values: values.map(valueText), not } };
  }
  if (c.word(0, "is")) return nullTest(c);
  if (op) c.i++;
  else if (!(ref.side || kind === "category") || !c.peek() || c.peek()!.k === "op") return undefined;
  const v = c.value();
  if (!v) return undefined;
  const unit = c.unit();
  // "pre_pt_root_id != post_pt_root_id", "pre.area = post.area": a column compared with a column.
  if (v.k === "word" && (v.text.includes("_") || c.v.column([v.text]))) return { untranslated: true };
  return condition(ref, op ?? "eq", v, unit);
}

/** "is null", "is not null": not translated (no condition of the reader says it). */
function nullTest(c: Cursor): PredResult | undefined {
  c.i++;
  if (c.word(0, "not")) c.i++;
  if (!c.word(0, "null")) return undefined;
  c.i++;
  return { untranslated: true };
}

const numeric = (kind: string) => kind === "number" || kind === "count" || kind === "angle";

function condition(ref: ColRef, op: Op, v: Tok, unit?: string): PredResult {
  const kind = ref.col?.kind ?? "any";
  if (kind === "flag") {
    // Only "is proofread" reads as a condition; 'f' (not proofread) is asked back.
    return op === "eq" && /^(t|true|1|yes)$/i.test(v.text) ? { pred: { t: "flag", ref } } : { untranslated: true };
  }
  if (numeric(kind)) {
    if (v.k !== "num" || op === "ne") return { untranslated: true };
    return { pred: { t: "range", ref, op, n: v.text, unit } };
  }
  if ((op !== "eq" && op !== "ne") || unit) return { untranslated: true };
  if (kind === "id" && v.k === "str") return { untranslated: true };
  const value = ref.col?.values?.[v.lower] ?? valueText(v);
  return { pred: { t: "value", ref, values: [value], not: op === "ne" } };
}

/** "hemisphere = 'left'", "compartment = spine": a condition on something the tables do not hold. */
function unknownCondition(c: Cursor): PredResult | undefined {
  let n = 0;
  while (c.plain(n) || c.peek(n)?.k === "str") n++;
  if (n === 0 || n > 3) return undefined;
  const op = c.peek(n);
  if (!(op?.k === "op" && op.text in OPS) && !c.word(n, "between", "like", "in", "is")) return undefined;
  c.i += n;
  // Whatever it compares with goes along, so that none of the condition is read without the rest.
  if (compare(c, { col: undefined, side: undefined, unknown: true }) === undefined) {
    c.i++;
    c.value();
  }
  return { untranslated: true };
}

/** A call of an aggregate at the cursor, or an aggregate word before a column ("avg n_syn"). */
export function aggregate(c: Cursor): Measure | undefined {
  return c.attempt(() => ratio(c)) ?? c.attempt(() => call(c)) ?? c.attempt(() => bareAggregate(c));
}

function fnAt(c: Cursor): string | undefined {
  const t = c.peek();
  return t?.k === "word" ? c.v.aggregates.get(nameKey(t.text)) : undefined;
}

/** "sum(pre.class = excitatory) / sum(pre.class = inhibitory)": a ratio of two kinds of synapses. */
function ratio(c: Cursor): Measure | undefined {
  const side = () => {
    if (fnAt(c) !== "sum" || !c.punct(1, "(")) return undefined;
    c.i += 2;
    const r = predicate(c);
    if (!r || !("pred" in r) || r.pred.t !== "value" || !c.punct(0, ")")) return undefined;
    c.i++;
    return r.pred;
  };
  const num = side();
  if (!num || !c.punct(0, "/")) return undefined;
  c.i++;
  const den = side();
  return den ? { fn: "ratio", num, den } : undefined;
}

function call(c: Cursor): Measure | undefined {
  const fn = fnAt(c);
  if (!fn || !c.punct(1, "(")) return undefined;
  // "count (outgoing weight)" is English with an aside; a call is written "count(…)", or "count (*)".
  const spaced = c.peek(1)!.start > c.peek()!.end;
  if (spaced && !c.punct(2, "*") && !c.word(2, "distinct")) return undefined;
  c.i += 2;
  const m = inside(c, fn);
  if (!m || !c.punct(0, ")")) return undefined;
  c.i++;
  // percentile_cont(0.9) within group (order by size)
  const withinGroup = c.word(0, "within") && c.word(1, "group") && c.punct(2, "(") && c.word(3, "order");
  if (m.fn === "percentile" && withinGroup && c.word(4, "by")) {
    c.i += 5;
    const ref = c.colRef();
    if (!ref || !c.punct(0, ")")) return undefined;
    c.i++;
    return { ...m, of: { ref } };
  }
  return m;
}

/** What is inside the parentheses of an aggregate. */
function inside(c: Cursor, fn: string): Measure | undefined {
  if (fn === "count") {
    if (c.punct(0, "*") || (c.peek()?.text === "1" && c.punct(1, ")"))) return (c.i++, { fn: "count" });
    if (c.word(0, "distinct")) {
      c.i++;
      const a = c.colRef();
      const b = c.punct(0, ",") ? (c.i++, c.colRef()) : undefined;
      const root = (r?: ColRef) => r?.side && (!r.col || r.col.dim === "root_id");
      if (root(a) && root(b) && a!.side !== b!.side) return { fn: "connections" };
      if (root(a) && !b) return { fn: "distinct", side: a!.side! };
      return undefined;
    }
    const of = operand(c);
    return of ? { fn: "stat", stat: "count", of } : undefined;
  }
  if (fn === "percentile") {
    const p = c.peek();
    if (p?.k === "num" && c.punct(1, ")")) return (c.i++, { fn: "percentile", p: percent(p.text) });
    const of = operand(c);
    if (!of || !c.punct(0, ",") || c.peek(1)?.k !== "num") return undefined;
    c.i += 2;
    return { fn: "percentile", p: percent(c.peek(-1)!.text), of };
  }
  // avg(count(outgoing synapses)): the mean over roots of a number of synapses per root.
  if (c.word(0, "count") && c.punct(1, "(")) {
    c.i += 2;
    const of = operand(c);
    if (!of || !c.punct(0, ")")) return undefined;
    c.i++;
    return { fn: "stat", stat: fn, of: "words" in of ? { ...of, perRoot: true } : of };
  }
  const of = operand(c);
  if (!of) return undefined;
  return fn === "box" || fn === "histogram" ? { fn: "chart", chart: fn, of } : { fn: "stat", stat: fn, of };
}

/** A column, or plain words ("outgoing synapses", "nucleus volume") up to the closing parenthesis. */
function operand(c: Cursor): Operand | undefined {
  const ref = c.attempt(() => {
    const r = c.colRef();
    return r && c.punct(0, ")") ? r : undefined;
  });
  if (ref) return { ref };
  const words: string[] = [];
  while (c.plain(0)) words.push(c.toks[c.i++]!.text);
  return words.length && c.punct(0, ")") ? { words: words.join(" ") } : undefined;
}

/** 0.9 and 90 are both the 90th percentile. */
const percent = (s: string) => (Number(s) <= 1 ? Math.round(Number(s) * 1000) / 10 : Number(s));

/** "avg n_syn", "max size": an aggregate word before a column, without parentheses. */
function bareAggregate(c: Cursor): Measure | undefined {
  const fn = fnAt(c);
  if (!fn || fn === "count" || fn === "percentile" || fn === "box" || fn === "histogram") return undefined;
  c.i++;
  const ref = c.colRef();
  const quantity = ref?.col && ref.col.kind !== "category" && ref.col.kind !== "id";
  return quantity ? { fn: "stat", stat: fn, of: { ref } } : undefined;
}
