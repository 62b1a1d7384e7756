import { planFilters } from "../plan-check.js";
import type { Filter, QueryPlan } from "../plan.js";
import { tagItems, type Item } from "../reader/items.js";
import { Lexicon } from "../reader/lexicon.js";
import { prepare } from "../reader/prepare.js";
import { tokenize } from "../reader/tokens.js";
import type { Vocabulary } from "../vocabulary/vocabulary.js";

/**
 * The checks of a plan against its question, for the offline reader's plans and a model's alike
 * (issue 12: "the form checks run always"): every number of the question is used, every name of
 * the question is used, and the measure fits the question's form. The question's words are found
 * as the offline reader finds them (its tokens, lexicon and vocabulary), so that "23P", "layer 4
 * pyramidal" or "L2/3" are names, not numbers, and "5k" is 5000.
 */

const COUNTS = ["count", "distinct", "kinds", "list", "fraction", "histogram", "probability"];
const PER_ROOT = ["synapses", "out_synapses", "in_synapses", "out_partners", "in_partners"];

/**
 * Why a plan may not answer its question, or undefined when nothing suggests so: a number or a name
 * of the question the plan does not use, or a measure that contradicts the question's form ("how
 * many" read as a mean volume, an "average" read as a count, a share read as anything else).
 */
export function planDoubt(question: string, plan: QueryPlan, vocabulary: Vocabulary): string | undefined {
  const items = questionItems(question, vocabulary);
  const numbers = unusedNumbers(question, plan, vocabulary, items).map((n) => `the number ${n}`);
  const names = unusedNames(question, plan, vocabulary, items).map((n) => `"${n}"`);
  const unused = [...numbers, ...names];
  if (unused.length) {
    const list = unused.length > 1 ? `${unused.slice(0, -1).join(", ")} and ${unused.at(-1)}` : unused[0];
    return `${list} in the question ${unused.length > 1 ? "are" : "is"} not part of the reading`;
  }
  if (plan.kind !== "query") return undefined;
  const lower = question.toLowerCase();
  const m = plan.measure;
  const perRoot = "of" in m && PER_ROOT.includes(m.of);
  // "How many synapses does a BC make on average" is a mean of a count: still a number of things.
  const countAsked =
    /\bhow many\b|\bnumber of\b|#/.test(lower) && !/\bhow many (voxels?|µm|um|microns?|nm|cubic)\b/.test(lower);
  const reads = `the reading is a ${m.fn}`;
  if (countAsked && !COUNTS.includes(m.fn) && m.fn !== "ratio" && !perRoot) {
    return `the question asks how many, but ${reads}`;
  }
  if (
    /\b(average|avg|mean|median|typical|expectation)\b/.test(lower) &&
    ["count", "distinct", "list", "sum"].includes(m.fn)
  ) {
    return `the question asks for an average, but ${reads}`;
  }
  const share = /\b(proportion|percent(age)?|fraction|share)\b|%/.test(lower);
  if (share && !["fraction", "probability", "ratio"].includes(m.fn)) {
    return `the question asks for a share, but ${reads}`;
  }
  const ratio = /\bratio\b|\be\/i\b/.test(lower);
  if (ratio && m.fn !== "ratio" && m.fn !== "fraction") return `the question asks for a ratio, but ${reads}`;
  if (/\b(probability|likely|likelihood|chance)\b/.test(lower) && m.fn !== "probability" && m.fn !== "fraction") {
    return `the question asks for a probability, but ${reads}`;
  }
  return undefined;
}

let lexicon: Lexicon | undefined;

/**
 * The question's items (words, names, numbers and ids), as the offline reader tags them, without
 * what its preparation sets aside as context (a greeting, a citation's year is no number to use).
 */
function questionItems(question: string, vocabulary: Vocabulary): Item[] {
  lexicon ??= Lexicon.load();
  return tagItems(tokenize(prepare(question).text), lexicon, vocabulary);
}

/** What a unit written after a number turns it into, in the plan's units (depth in µm, angles in degrees). */
const CONVERSIONS: Record<string, number> = {
  mm: 1000,
  millimeter: 1000,
  millimeters: 1000,
  nm: 0.001,
  rad: 180 / Math.PI,
  radians: 180 / Math.PI,
};

/**
 * Numbers written in the question that the plan does not use, as written. Digits inside names
 * ("23P", "layer 4 pyramidal", "L2/3") are words; "5k" is 5000 and ids are whole. A number counts as
 * used when the plan holds it, or holds it in the plan's unit ("0.5 mm" as 500 µm, "20%" as 0.2).
 */
export function unusedNumbers(
  question: string,
  plan: QueryPlan,
  vocabulary: Vocabulary,
  items = questionItems(question, vocabulary),
): string[] {
  const used = planNumbers(plan);
  const out: string[] = [];
  items.forEach((item, i) => {
    const tag = item.tags.find((t) => t.t === "num" || t.t === "id");
    if (!tag) return;
    if (tag.t === "id") {
      if (!used.ids.has(String(tag.id))) out.push(item.text);
      return;
    }
    const value = Number(tag.value);
    const next = items[i + 1]?.text.toLowerCase() ?? "";
    const percent = tag.unit === "pct" || next === "%" || next === "percent";
    const candidates = [value, value * (CONVERSIONS[next] ?? 1), percent ? value / 100 : value];
    const held = (c: number) => used.values.some((v) => Math.abs(v - c) <= 1e-9 * Math.max(1, Math.abs(c)));
    if (!candidates.some(held)) out.push(item.text);
  });
  return [...new Set(out)];
}

/** The dimensions whose values a question names and a plan must use (classes may be implied: "tuned neurons"). */
const NAMED_DIMS = new Set(["cell_type", "mtype", "area", "layer", "axon_strategy", "dendrite_strategy"]);

/**
 * Names of the question (cell types, m-types, areas, layers, proofreading strategies) that the plan
 * does not use, as written. A name is used when some condition of the plan holds all its values (L6
 * by L6a and L6b too); a SQL plan, when it quotes them (layers, which SQL writes as depths, are not
 * checked there). Look-ups name one cell and are not checked.
 */
export function unusedNames(
  question: string,
  plan: QueryPlan,
  vocabulary: Vocabulary,
  items = questionItems(question, vocabulary),
): string[] {
  if (plan.kind === "lookup") return [];
  const held = new Map<string, Set<string>>();
  for (const f of planFilters(plan)) {
    for (const v of f.values ?? []) held.set(f.dim, (held.get(f.dim) ?? new Set()).add(v));
  }
  const holds = (dim: string, v: string) => {
    if (plan.kind === "sql") return dim === "layer" || plan.sql.includes(`'${v.replace(/'/g, "''")}'`);
    const values = held.get(dim);
    return Boolean(values?.has(v) || (v === "L6" && values?.has("L6a") && values.has("L6b")));
  };
  const out: string[] = [];
  for (const item of items) {
    const readings = item.tags.filter((t) => t.t === "val" && NAMED_DIMS.has(String(t.dim)));
    if (!readings.length) continue;
    const used = readings.some((t) => (t.values as string[]).every((v) => holds(String(t.dim), v)));
    if (!used) out.push(item.text);
  }
  return [...new Set(out)];
}

/**
 * The numbers a plan holds: its bounds, limits, percentiles, bins and widths, digits of the names it
 * filters by ("L5" holds 5), and its ids; of a SQL plan, those written in the statement. Labels and
 * explanations are free text and count for nothing.
 */
export function planNumbers(plan: QueryPlan): { values: number[]; ids: Set<string> } {
  const values: number[] = [];
  const ids = new Set<string>();
  const text = (s: string) => {
    for (const m of s.matchAll(/\d+(?:\.\d+)?/g)) {
      if (/^\d+$/.test(m[0])) ids.add(BigInt(m[0]).toString());
      if (m[0].length < 16) values.push(Number(m[0]));
    }
  };
  const walk = (v: unknown, key?: string) => {
    if (typeof v === "number") values.push(v);
    else if (typeof v === "string") {
      if (key === "values" || key === "rootId" || key === "nucleusId") text(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) if (k !== "label") walk(x, k);
  };
  if (plan.kind === "sql") text(plan.sql);
  else walk(plan);
  return { values, ids };
}
