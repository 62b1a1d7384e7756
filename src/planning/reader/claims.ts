import { PER_ROOT_COUNTS, type PlannerResult, type QueryPlan } from "../plan.js";
import { z } from "zod";

/*
 * Claims: what a question says its answer is ("counting synapses, not partners", "one row each", "by soma
 * depth"), said in passing. The reader sets them aside with the remarks (remarks.ts) and holds the plan to
 * them: a plan that does not do what was claimed is asked back, never answered.
 */

export const Claim = z.enum([
  "synapses",
  "connections",
  "not-synapses",
  "not-connections",
  "not-partners",
  "partners",
  "groups",
  "single",
  "ids",
  "layer-by-depth",
  "per-connection",
  "cells-once",
  "cells",
  "neurons",
  "feedforward",
  "feedback",
  "iqr",
  "reciprocal",
  "named-post",
  "named-pre",
  "zeros-counted",
  "difference",
  "ratio",
]);
export type Claim = z.infer<typeof Claim>;

/** Phrases of each claim (data/remarks.json), compiled by remarks.ts. */
export interface ClaimPhrase {
  claim: Claim;
  phrase: RegExp;
}

/**
 * The claims of a text, longest first ("mean syn count over connected pairs" is one claim, not "syn count"
 * and "connected pairs"; "not connections" is not "connections"), and the text with them blanked out.
 */
export function claimsOf(
  text: string,
  phrases: ClaimPhrase[],
  quiet: (m: RegExpMatchArray, re: RegExp) => boolean = () => true,
): { claims: Claim[]; blank: string } {
  const claims: Claim[] = [];
  let blank = text;
  const found = phrases.flatMap((c) =>
    [...text.matchAll(c.phrase)].filter((m) => quiet(m, c.phrase)).map((m) => ({ claim: c.claim, m })),
  );
  for (const { claim, m } of found.sort((a, b) => b.m[0].length - a.m[0].length)) {
    const at = m.index!;
    if (blank.slice(at, at + m[0].length) !== m[0]) continue;
    claims.push(claim);
    blank = blank.slice(0, at) + " ".repeat(m[0].length) + blank.slice(at + m[0].length);
  }
  return { claims, blank };
}

/** The claim a plan does not do, if any ("counting synapses" of a plan that counts connections). */
export function brokenClaim(plan: QueryPlan, claims: Claim[]): Claim | undefined {
  // ("Going by where its soma sits, what layer is 8646… in?": a look-up's layer is its soma's depth.)
  if (plan.kind === "lookup" && plan.fields.some((f) => f === "layer" || f === "depth"))
    return claims.find((c) => c !== "layer-by-depth");
  if (plan.kind !== "query") return claims[0];
  return claims.find((c) => !keeps(plan, c));
}

type Query = Extract<QueryPlan, { kind: "query" }>;

function keeps(q: Query, c: Claim): boolean {
  const m = q.measure;
  const of = "of" in m ? m.of : undefined;
  const grouped = q.groupBy.length > 0 || (q.compare?.length ?? 0) > 0;
  const synapseCount =
    (q.source === "synapses" && (m.fn === "count" || m.fn === "fraction")) ||
    of === "synapses" ||
    of === "in_synapses" ||
    of === "out_synapses";
  const dims = [
    ...q.filter,
    ...q.pre,
    ...q.post,
    ...(q.compare ?? []).flatMap((x) => [...(x.pre ?? []), ...(x.post ?? []), ...(x.filter ?? [])]),
  ];
  switch (c) {
    case "synapses":
      return synapseCount && !(q.source === "connections" && m.fn === "count");
    case "connections":
      // ("what percent consist of two or more synapses (n = connections)": a share of connections too.)
      return (
        q.source === "connections" && (["count", "fraction"].includes(m.fn) || (m.fn === "mean" && of === "synapses"))
      );
    case "not-synapses":
      return !(q.source === "synapses" && m.fn === "count") && of !== "in_synapses" && of !== "out_synapses";
    case "not-connections":
      return !(q.source === "connections" && m.fn === "count");
    case "not-partners":
      return m.fn !== "distinct" && of !== "in_partners" && of !== "out_partners";
    // ("How many different postsynaptic partners does 8646… have? Distinct partner root ids, not the synapse count.")
    case "partners":
      return m.fn === "distinct" || of === "in_partners" || of === "out_partners";
    case "groups":
      return grouped;
    case "single":
      return !grouped && m.fn !== "list";
    case "ids":
      return m.fn === "list" || q.groupBy.some((g) => g.dim === "root_id");
    case "layer-by-depth":
      return dims.some((f) => f.dim === "layer") || q.groupBy.some((g) => g.dim === "layer");
    case "per-connection":
      return q.source === "connections" && m.fn === "mean" && of === "synapses";
    case "cells-once":
      return q.source === "cells" || q.source === "nuclei";
    // ("How many 4P cells converge onto 8646…? Counting cells, not synapses.": distinct cells, or cells themselves.)
    case "cells":
      return (
        m.fn === "distinct" ||
        of === "in_partners" ||
        of === "out_partners" ||
        (["cells", "roots", "nuclei"].includes(q.source) && ["count", "list", "fraction"].includes(m.fn))
      );
    // ("Only counting neurons: how many partners does 8646… have?": neurons counted, so partners restricted to
    // them; it had been set aside as a way of counting, and every partner counted, fragments too.)
    case "neurons":
      return keeps(q, "cells") && countsNeurons(q);
    // (Between areas, the direction is checked; between layers or types, "feedforward" only describes.)
    case "feedforward":
      return laminar(q) || between(q.pre, q.post);
    case "feedback":
      return laminar(q) || between(q.post, q.pre);
    // ("Interquartile range (Q3 minus Q1) of …": the quartiles, with their difference.)
    case "iqr":
      return m.fn === "quartiles";
    // ("…, i.e. each one synapses onto the other", "(A→B and B→A)": connections that are reciprocated.)
    case "reciprocal":
      // ("what % of 23P→BC connections are reciprocated, meaning …": the share of them that are.)
      return (
        q.source === "connections" &&
        [...q.filter, ...(m.fn === "fraction" ? (m.part.filter ?? []) : [])].some(
          (f) => f.dim === "reciprocal" && f.is !== false,
        )
      );
    // ("synapses onto 8646… (it's the postsynaptic side)": the one root named is on that side.)
    case "named-post":
      return named(q.post) && !named(q.pre);
    case "named-pre":
      return named(q.pre) && !named(q.post);
    // ("How much larger is … than …? Give me the difference in mean nucleus volume.": the two, one minus the other.)
    case "difference":
      return q.contrast === "difference" || q.contrast === "minus";
    // ("How many times more axons were partially extended than fully extended? Give me the ratio.")
    case "ratio":
      return q.contrast === "ratio" || m.fn === "ratio";
    // ("avg # BC syn per 23P cell (0s incl)": a statistic over each cell's count, a cell with none counting 0.)
    case "zeros-counted":
      return q.source === "roots" && m.fn !== "count" && m.fn !== "list" && PER_ROOT_COUNTS.some((q) => q === of);
  }
}

/** The cells counted are restricted to neurons: a neuron class, a cell type or an m-type on their side. */
function countsNeurons(q: Query): boolean {
  const side = "side" in q.measure ? q.measure.side : undefined;
  const fs = side ? q[side] : q.source === "synapses" || q.source === "connections" ? [] : q.filter;
  return fs.some(
    (f) =>
      !f.not &&
      ((f.dim === "class" && (f.values ?? []).every((v) => ["neuron", "excitatory", "inhibitory"].includes(v))) ||
        f.dim === "cell_type" ||
        f.dim === "mtype"),
  );
}

/** The visual areas a side is restricted to. */
const areasOf = (fs: Query["pre"]) => fs.flatMap((f) => (f.dim === "area" && !f.not ? (f.values ?? []) : []));
const named = (fs: Query["pre"]) => fs.some((f) => f.dim === "root_id" && !f.not);
/**
 * V1 on one side and only higher visual areas on the other (the direction "feedforward" names), or one
 * named cell on a side, whose area the question leaves to it ("feedback onto 8646… from RL").
 */
const between = (v1: Query["pre"], hva: Query["pre"]) =>
  (named(v1) || (areasOf(v1).length > 0 && areasOf(v1).every((a) => a === "V1"))) &&
  (named(hva) || (areasOf(hva).length > 0 && !areasOf(hva).includes("V1"))) &&
  !(named(v1) && named(hva));

/** No area on either side, and both sides named: a pathway between layers or types ("L4 → L2/3"). */
const laminar = (q: Query) =>
  !areasOf(q.pre).length && !areasOf(q.post).length && q.pre.length > 0 && q.post.length > 0;

const SAID: Record<Claim, string> = {
  synapses: "counting synapses",
  connections: "counting connections (connected pairs)",
  "not-synapses": "not synapses",
  "not-connections": "not connections",
  "not-partners": "not partners",
  partners: "counting distinct partners",
  groups: "one figure for each",
  single: "one number",
  ids: "the ids",
  "layer-by-depth": "layers by soma depth",
  "per-connection": "the mean synapse count per connection",
  "cells-once": "each cell once",
  cells: "counting cells",
  neurons: "counting neurons",
  feedforward: "feedforward (from V1 to a higher visual area)",
  feedback: "feedback (from a higher visual area to V1)",
  iqr: "the interquartile range (Q3 minus Q1)",
  reciprocal: "reciprocal connections (each one onto the other)",
  "named-post": "the cell named is the postsynaptic side",
  "named-pre": "the cell named is the presynaptic side",
  "zeros-counted": "cells with none counted as zero",
  difference: "the difference of the two",
  ratio: "the ratio of the two",
};

/** The answer when the plan does not do what the question said of it: asked back, naming what was said. */
export function claimBack(claim: Claim, result: PlannerResult): PlannerResult {
  return {
    type: "clarify",
    message: `You said ${SAID[claim]}, but that is not how I read the rest of the question; please rephrase it.`,
    suggestions: [],
    ...(result.type === "plan" ? { reading: result.reading } : {}),
  };
}
