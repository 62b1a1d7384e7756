import type { Filter, Measure, Quantity, Query, Side } from "../plan.js";
import { as, is, lower, use, type Atom } from "./atoms.js";
import type { Clause } from "./clause.js";
import { popFilters, rangeFilter, Unreadable } from "./filters.js";
import type { Threshold } from "./numbers.js";
import { chartOf } from "./shape.js";
import { thresholdOn } from "./flow-thresholds.js";

/**
 * The tuning of one neuron's partners: "pref ori of 8646…'s outputs", "tuning of the inputs of X",
 * "mean gOSI of X's coregistered targets", "Δori between X and its postsynaptic partners", "how far
 * are X's targets' preferred orientations from its own". One root (the owner), its partners on one
 * side (a partner noun, or cells said to be pre- or postsynaptic to it), and a tuning quantity: a
 * list of the partners with their synapses and the quantity, or a statistic of it over them.
 */
const TUNING = new Set(["pref_ori", "pref_dir", "osi", "dsi", "ori_difference", "tuning"]);
const STATS = new Set(["mean", "median", "min", "max", "stddev"]);
/** Histogram bins of angles, 10° each: an orientation's 0–180°, a direction's 0–360°, a difference's 0–90°. */
const BINS: Partial<Record<Quantity, number>> = { pref_ori: 18, pref_dir: 36, ori_difference: 9 };

type ClausePop = Clause["pops"][number];

export function partnerTuning(c: Clause): Query | undefined {
  const qtyAtom = c.atoms.find(
    (a) => is(a, "qty") && TUNING.has(String(as(a, "qty")!.q)) && !a.items.some((x) => x.used),
  );
  if (!qtyAtom) return undefined;
  const ids = new Set(
    c.pops.flatMap((p) => p.pop.filters.filter((f) => f.dim === "root_id" && !f.not).flatMap((f) => f.values ?? [])),
  );
  if (ids.size !== 1) return undefined;
  const owners = c.pops.filter((p) => p.pop.filters.some((f) => f.dim === "root_id"));
  // ("…, with the synapse count per partner": the list is one row per partner already.)
  const perPartner = c.pops.filter(
    (p) => p.pop.each && !p.pop.filters.length && ["partner", "target", "source"].includes(p.pop.head ?? ""),
  );
  const others = c.pops.filter((p) => !owners.includes(p) && !perPartner.includes(p));
  if (others.length > 1) return undefined;
  const found = partnerOf(c, owners, others[0]);
  if (!found) return undefined;
  const { side, atom, pop } = found;
  const owner: Side = side === "post" ? "pre" : "post";
  const q: Query = {
    kind: "query",
    source: "connections",
    filter: [],
    pre: [],
    post: [],
    measure: { fn: "count" },
    groupBy: [],
  };
  q[owner].push({ dim: "root_id", values: [...ids] });
  // ("X's functionally matched inputs": words after the possessive are of the partners.)
  for (const p of owners) {
    c.usePop(p);
    q[side].push(...popFilters(p.pop, c.classOf).filter((f) => f.dim !== "root_id"));
    for (const t of p.pop.thresholds) q[side].push(...thresholdOn(q, t));
  }
  if (pop) {
    c.usePop(pop);
    q[side].push(...popFilters(pop.pop, c.classOf));
    for (const t of pop.pop.thresholds) q[side].push(...thresholdOn(q, t));
  }
  use(atom, qtyAtom);
  // ("X's inputs with at least 2 synapses": a condition on each connection.)
  for (const a of c.atoms) {
    const t = as<Threshold>(a, "threshold");
    if (!t || a.items.some((x) => x.used) || (t.noun !== "synapse" && t.noun !== "connection")) continue;
    q.filter.push(rangeFilter("synapses", t));
    use(a);
  }
  q.measure = measureOf(c, quantityOf(c, qtyAtom), side);
  if (q.measure.fn === "histogram") q.chart = chartOf(c, q) ?? "histogram";
  // ("… in radians": the tables' own unit, offered for a list of the partners.)
  const radians = c.atoms.find((a) => is(a, "unit", "u", "rad") || is(a, "units", "u", "rad"));
  if (radians && q.measure.fn === "list" && (q.measure.with ?? []).some((x) => x !== "osi" && x !== "dsi")) {
    q.radians = true;
    use(radians);
  }
  if (q.measure.fn === "list") {
    // Each row holds the pair's synapses: "with synapse counts" says what it shows.
    use(...c.findAll("noun").filter((a) => is(a, "noun", "n", "synapse")));
    for (const p of perPartner) c.usePop(p);
  } else if (perPartner.length) return undefined;
  consumeGlue(c);
  q.post = dedupe(q.post);
  q.pre = dedupe(q.pre);
  return q;
}

/** The partners: a partner noun ("outputs", "targets", "presynaptic partners") or cells on the other side. */
function partnerOf(
  c: Clause,
  owners: ClausePop[],
  other?: ClausePop,
): { side: Side; atom?: Atom; pop?: ClausePop } | undefined {
  const nouns = c.atoms.filter((a) => is(a, "noun", "n", "input") || is(a, "noun", "n", "output"));
  if (other) {
    // ("coregistered inputs to X with their gOSI": cells said only by a condition are the partners the noun names.)
    const described = !other.pop.head && other.pop.filters.length > 0 && other.i + 1 === c.index(nouns[0]);
    if (nouns.length === 1 && described)
      return { side: is(nouns[0], "noun", "n", "input") ? "pre" : "post", atom: nouns[0], pop: other };
    if (nouns.length) return undefined;
    const head = other.pop.head ?? "";
    if (head === "target" || head === "source") return { side: head === "target" ? "post" : "pre", pop: other };
    if (head === "partner" && !other.role) {
      throw new Unreadable(
        "The partners on which side: its inputs (presynaptic) or its outputs (postsynaptic)? " +
          'For example "preferred orientations of 8646…\'s outputs".',
      );
    }
    // ("the functionally matched cells presynaptic to X": the side the roles gave them.)
    const role = other.role === "pre" || other.role === "post" ? other.role : undefined;
    if (!role || owners.some((o) => o.role === role)) return undefined;
    return { side: role, pop: other };
  }
  if (nouns.length !== 1) return undefined;
  return { side: is(nouns[0], "noun", "n", "input") ? "pre" : "post", atom: nouns[0] };
}

/** The quantity said: "how far … from its own" of an orientation is the difference; "tuning" is all four. */
function quantityOf(c: Clause, a: Atom): Quantity | "tuning" {
  const q = String(as(a, "qty")!.q);
  const far = c.atoms.some((x) => /^how far$/i.test(lower(x)));
  if (q === "pref_ori" && far) {
    const from = c.atoms.find((x, i) => is(x, "rel", "r", "from") && c.atoms.indexOf(a) < i);
    if (!from) {
      throw new Unreadable(
        "How far from what? For example \"how far are 8646…'s targets' preferred orientations " + 'from its own".',
      );
    }
    use(
      from,
      c.atoms.find((x) => /^how far$/i.test(lower(x))),
    );
    use(c.atoms.find((x) => lower(x) === "own"));
    return "ori_difference";
  }
  if (far) {
    throw new Unreadable(
      "How far, in what? I can give the difference in preferred orientation (0–90°): for example " +
        "\"how far are 8646…'s targets' preferred orientations from its own\".",
    );
  }
  return q as Quantity | "tuning";
}

/** "Tuning" is all of it: preferred orientation and direction, gOSI and gDSI. */
const ALL_TUNING: Quantity[] = ["pref_ori", "pref_dir", "osi", "dsi"];

/** A statistic said ("mean gOSI", "on average") is over the partners; else each partner is listed. */
function measureOf(c: Clause, of: Quantity | "tuning", side: Side): Measure {
  const stat = c.atoms.find((a) => is(a, "stat") && STATS.has(String(as(a, "stat")!.fn)));
  const own = of === "ori_difference" ? {} : { side };
  if (of === "tuning") {
    if (stat) {
      throw new Unreadable("A statistic of which part of the tuning: gOSI or gDSI? (Angles have no plain mean.)");
    }
    use(...c.findAll("list"));
    return { fn: "list", with: ALL_TUNING, side };
  }
  if (stat) {
    use(stat);
    return { fn: as(stat, "stat")!.fn as "mean", of, ...own };
  }
  // ("histogram of the pref ori of X's outputs": the partners' values in 10° bins, or 20 bins.)
  const plotted = c
    .findAll("distribution")
    .concat(c.findAll("chart").filter((a) => String(as(a, "chart")!.kind) === "histogram"));
  if (plotted.length) {
    use(...plotted);
    return { fn: "histogram", of, bins: BINS[of] ?? 20, ...own };
  }
  use(...c.findAll("list"));
  return { fn: "list", with: [of], ...own };
}

/**
 * Words that only hold the phrase together: the possessive, "each of", "their"/"its" (the partners,
 * the neuron), a unit of degrees (the default). Radians are not offered here: said, they stay unread.
 */
function consumeGlue(c: Clause): void {
  for (const a of c.atoms) {
    if (is(a, "anaphor") || is(a, "per") || (is(a, "rel") && /^('s|s')$/.test(lower(a)))) use(a);
    if (is(a, "unit", "u", "deg") || is(a, "units", "u", "deg")) use(a);
    if (is(a, "stat") && as(a, "stat")!.fn === "mean" && /average/i.test(lower(a))) use(a);
  }
}

const dedupe = (fs: Filter[]) =>
  fs.filter((f, i) => fs.findIndex((g) => JSON.stringify(g) === JSON.stringify(f)) === i);
