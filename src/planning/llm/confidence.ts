import type { Filter, PlannerResult, QueryPlan } from "../plan.js";
import { tagItems } from "../reader/items.js";
import { Lexicon } from "../reader/lexicon.js";
import { tokenize } from "../reader/tokens.js";
import type { Vocabulary } from "../vocabulary/vocabulary.js";

/**
 * When the offline reader's result is final, when a model is asked, and the checks a model's plan
 * must pass against its question.
 *
 * - A refusal (a write, an instruction inside the question, off-topic) is final: the model is
 *   never asked.
 * - A question back that the person must settle is final: an id cut short or out of range, two
 *   questions in one (the reader gives no reading for those). A model could only guess the id, or
 *   answer half of the question.
 * - An ambiguous name ("L5 pyramidal" could mean 5P-IT, 5P-ET or 5P-NP) goes to the model, which
 *   may resolve it only to some of those options, and must use them.
 * - Any other question back (words the reader did not understand, a shape it cannot compose) goes
 *   to the model. The reader's reading without the words it did not understand is kept: a model
 *   plan that is exactly that reading ignored those words, and is not taken.
 * - A plan is final unless the form checks (`planDoubt`) find it at odds with the question: the
 *   reader answers only when every word was read, and the form checks are a second, independent
 *   look; when they disagree the model is asked, and if it fails the person is asked to rephrase.
 *   The same checks are applied to every plan a model proposes.
 */
export type Verdict =
  | { kind: "final" }
  | { kind: "doubt"; reason: string }
  | { kind: "names"; text: string; options: string[] }
  | { kind: "unread"; without: string[] };

const AMBIGUOUS_NAME = /^"(.+?)" could mean /;

export function judgeOffline(question: string, result: PlannerResult, vocabulary: Vocabulary): Verdict {
  if (result.type === "refuse") return { kind: "final" };
  if (result.type === "clarify") {
    if (!result.reading) return { kind: "final" };
    const ambiguous = AMBIGUOUS_NAME.exec(result.message);
    if (ambiguous) {
      const values = new Set([...vocabulary.file.cellTypes, ...vocabulary.file.mtypes].map((e) => e.value));
      const options = result.suggestions.filter((v) => values.has(v));
      return { kind: "names", text: asWritten(question, ambiguous[1]!), options };
    }
    return { kind: "unread", without: result.reading.unaccounted.length ? result.suggestions : [] };
  }
  const doubt = planDoubt(question, result.plan, vocabulary);
  return doubt ? { kind: "doubt", reason: doubt } : { kind: "final" };
}

/** A phrase the reader quotes in lower case, as the question wrote it ("l5 pyramidal" → "L5 pyramidal"). */
function asWritten(question: string, phrase: string): string {
  const at = question.toLowerCase().indexOf(phrase.toLowerCase());
  return at < 0 ? phrase : question.slice(at, at + phrase.length);
}

const COUNTS = ["count", "distinct", "list", "fraction", "histogram", "probability"];
const PER_ROOT = ["synapses", "out_synapses", "in_synapses", "out_partners", "in_partners"];

/**
 * Why a plan may not answer its question, or undefined when nothing suggests so: a number of the
 * question the plan does not use, or a measure that contradicts the question's form ("how many"
 * read as a mean volume, an "average" read as a count, a share read as anything else).
 */
export function planDoubt(question: string, plan: QueryPlan, vocabulary: Vocabulary): string | undefined {
  const unused = unusedNumbers(question, plan, vocabulary);
  if (unused.length) {
    const many = unused.length > 1;
    return `the number${many ? "s" : ""} ${unused.join(", ")} in the question ${many ? "are" : "is"} `
      + "not part of the reading";
  }
  if (plan.kind !== "query") return undefined;
  const lower = question.toLowerCase();
  const m = plan.measure;
  const perRoot = "of" in m && PER_ROOT.includes(m.of);
  // "How many synapses does a BC make on average" is a mean of a count: still a number of things.
  const countAsked = /\bhow many\b|\bnumber of\b|#/.test(lower)
    && !/\bhow many (voxels?|µm|um|microns?|nm|cubic)\b/.test(lower);
  const reads = `the reading is a ${m.fn}`;
  if (countAsked && !COUNTS.includes(m.fn) && m.fn !== "ratio" && !perRoot) {
    return `the question asks how many, but ${reads}`;
  }
  if (/\b(average|avg|mean|median|typical)\b/.test(lower) && ["count", "distinct", "list", "sum"].includes(m.fn)) {
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

/** What a unit written after a number turns it into, in the plan's units (depth in µm, angles in degrees). */
const CONVERSIONS: Record<string, number> = {
  mm: 1000, millimeter: 1000, millimeters: 1000, nm: 0.001, rad: 180 / Math.PI, radians: 180 / Math.PI,
};

/**
 * Numbers written in the question that the plan does not use, as written. Numbers are found as the
 * reader finds them: digits inside names ("23P", "layer 4 pyramidal", "L2/3", "90th" as part of a
 * percentile) are words, "5k" is 5000 and ids are whole. A number counts as used when the plan holds
 * it, or holds it in the plan's unit ("0.5 mm" as 500 µm, "20%" as 0.2).
 */
export function unusedNumbers(question: string, plan: QueryPlan, vocabulary: Vocabulary): string[] {
  lexicon ??= Lexicon.load();
  const items = tagItems(tokenize(question), lexicon, vocabulary);
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

/** Every filter of a plan, in its populations, parts and comparisons. */
export function planFilters(plan: QueryPlan): Filter[] {
  if (plan.kind !== "query") return [];
  const parts = [...(plan.compare ?? []), ...(plan.measure.fn === "fraction" ? [plan.measure.part] : []),
    ...(plan.measure.fn === "ratio" ? [plan.measure.numerator, plan.measure.denominator] : [])];
  const inParts = parts.flatMap((p) => [...(p.filter ?? []), ...(p.pre ?? []), ...(p.post ?? [])]);
  return [...plan.filter, ...plan.pre, ...plan.post, ...inParts];
}

/** Ids (root or nucleus) a plan names: each must come from the question or the conversation. */
export function planIds(plan: QueryPlan): string[] {
  if (plan.kind === "lookup") return [plan.rootId ?? plan.nucleusId!];
  if (plan.kind === "sql") return [...plan.sql.matchAll(/\b\d{6,20}\b/g)].map((m) => m[0]);
  return planFilters(plan).filter((f) => f.dim === "root_id" || f.dim === "nucleus_id").flatMap((f) => f.values ?? []);
}

/** Cell-type and m-type values a plan names. */
export function planTypes(plan: QueryPlan): { cellTypes: string[]; mtypes: string[] } {
  const filters = planFilters(plan);
  return {
    cellTypes: filters.filter((f) => f.dim === "cell_type").flatMap((f) => f.values ?? []),
    mtypes: filters.filter((f) => f.dim === "mtype").flatMap((f) => f.values ?? []),
  };
}
