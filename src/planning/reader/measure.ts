import type { Measure, Quantity, Query } from "../plan.js";
import { as, is, lower, use, type Atom } from "./atoms.js";
import type { Clause } from "./clause.js";
import { Unreadable } from "./filters.js";

/** A synapse noun that counts them: "synapse count", "# syn", "number of synapses". */
const COUNT_WORDS = /\b(count|counts|number|#|n)\b|#/i;

/** A cell's own quantities (of its nucleus, soma or tuning), as statistics of cells measure them. */
export const CELL_QUANTITIES: Quantity[] = ["volume", "depth", "pref_ori", "pref_dir", "osi", "dsi", "cc"];

const QTY: Record<string, Quantity> = {
  size: "size",
  volume: "volume",
  depth: "depth",
  pref_ori: "pref_ori",
  pref_dir: "pref_dir",
  osi: "osi",
  dsi: "dsi",
  cc: "cc",
  ori_difference: "ori_difference",
};

/**
 * A statistic of a quantity: "mean synapse size", "median nucleus volume", "90th percentile of size",
 * "std of gDSI", "distribution of depths", "largest synapse size". `allowed` are the quantities of
 * the question's source; "big" is size for synapses and volume for cells.
 */
export function statMeasure(c: Clause, allowed: Quantity[]): { measure: Measure; of: Quantity } | undefined {
  const qtyAtom = c.atoms.find((a) => is(a, "qty") && !a.items.some((i) => i.used) && qtyOf(a, allowed) !== undefined);
  const perConnection = c.has("per_connection");
  let of = qtyAtom ? qtyOf(qtyAtom, allowed) : undefined;
  // "the largest synapse X makes", "smallest synapse onto 23P": its size.
  // (Not "the most synapses": a count.)
  const sizeSup = (a: Atom) =>
    /^(the )?(largest|biggest|smallest|strongest|weakest|heaviest|greatest)$/i.test(
      a.items.map((x) => x.text).join(" "),
    );
  // ("the largest synapse from 23P onto BC (its size)": the size said again is the same measure.)
  const supSynapse =
    (!of || (of === "size" && !c.has("stat"))) && allowed.includes("size")
      ? c.atoms.find(
          (a, i) =>
            is(a, "sup") &&
            sizeSup(a) &&
            // ("the largest synapse count in one pair": a count of synapses, not a size.)
            ((is(c.atoms[i + 1], "noun", "n", "synapse") && !COUNT_WORDS.test(lower(c.atoms[i + 1]!))) ||
              // ("Of the synapses BCs make onto 23P, how big is the biggest one?": nothing else to rank.)
              (c.atoms.slice(i + 1).every((x) => /^[?.!]$/.test(lower(x))) &&
                c.has("noun", "n", "synapse") &&
                !c.atoms.some((x, j) => j !== i && (is(x, "sup") || is(x, "topk"))) &&
                !c.pops.some((p) => p.pop.wh || p.pop.sup || p.pop.topk)) ||
              // ("biggest outgoing synapse", "the biggest input synapses": their size; "strongest inputs": the
              // partners with the most synapses. The plural had been read as the most input synapses, a count.)
              ((is(c.atoms[i + 1], "noun", "n", "output") || is(c.atoms[i + 1], "noun", "n", "input")) &&
                /synapses?$/i.test(c.atoms[i + 1]!.items[0]!.text))),
        )
      : undefined;
  if (supSynapse) {
    use(supSynapse, c.atoms[c.index(supSynapse) + 1], of === "size" ? qtyAtom : undefined);
    const st = c.find("stat");
    if (st) {
      // "which type gets the biggest synapses on average": the mean size.
      use(st);
      return { measure: { fn: String(as(st, "stat")!.fn) as "mean", of: "size" }, of: "size" };
    }
    return { measure: { fn: as(supSynapse, "sup")!.dir === "asc" ? "min" : "max", of: "size" }, of: "size" };
  }
  if (!of && perConnection && allowed.includes("synapses") && (c.has("noun", "n", "synapse") || c.has("count")))
    of = "synapses";
  const stat = c.find("stat");
  const pctl = c.find("pctl");
  const dist = c.find("distribution") ?? c.find("chart", "kind", "histogram") ?? c.find("chart", "kind", "box");
  const sup = c.atoms.find(
    (a, i) =>
      is(a, "sup") &&
      ((qtyAtom && i === c.index(qtyAtom) - 1) ||
        // ("largest syn count per connection": the most synapses one connection has.)
        (of === "synapses" && is(c.atoms[i + 1], "noun", "n", "synapse") && COUNT_WORDS.test(lower(c.atoms[i + 1]!)))),
  );
  if (!of) return undefined;
  // ("nucleus volume: 5P-IT vs 5P-ET": a quantity of sets compared is compared by its mean, said in "Read as".)
  const vsSaid = (p: Clause["pops"][number]) => p.atom.items.some((x) => x.tags.some((t) => t.t === "vs"));
  const comparedSets =
    c.pops.some((p) => (p.pop.alts?.length ?? 0) >= 2 && vsSaid(p)) && c.atoms.filter((a) => is(a, "qty")).length === 1;
  if (!stat && !pctl && !dist && !sup && !perConnection && !comparedSets) return undefined;
  use(qtyAtom);
  if (of === "synapses") {
    use(c.find("noun", "n", "synapse"), c.find("count"));
    if (sup && !qtyAtom) use(sup);
  }
  let measure: Measure;
  if (pctl) {
    use(pctl);
    measure = { fn: "percentile", of, p: Number(as(pctl, "pctl")!.p) };
  } else if (stat) {
    use(stat);
    const fn = String(as(stat, "stat")!.fn);
    measure = fn === "quartiles" ? { fn: "quartiles", of } : { fn: fn as "mean", of };
  } else if (sup) {
    use(sup);
    measure = { fn: as(sup, "sup")!.dir === "asc" ? "min" : "max", of };
  } else if (dist) {
    use(dist);
    measure = is(dist, "chart", "kind", "box") ? { fn: "quartiles", of } : { fn: "histogram", of, bins: 40 };
  } else measure = { fn: "mean", of };
  if (measure.fn === "percentile" && !(measure.p > 0 && measure.p < 100))
    throw new Unreadable("A percentile is between 0 and 100.");
  return { measure, of };
}

function qtyOf(a: Atom, allowed: Quantity[]): Quantity | undefined {
  const q = String(as(a, "qty")!.q);
  if (q === "big") return allowed.includes("size") ? "size" : allowed.includes("volume") ? "volume" : undefined;
  const mapped = QTY[q];
  return mapped && allowed.includes(mapped) ? mapped : undefined;
}

/** Cell quantities said in the question that no condition holds: what a list of the cells shows of each. */
export function listedQuantities(c: Clause, q: Query): Quantity[] {
  const held = new Set<string>(q.filter.map((f) => f.dim));
  const said = c.findAll("qty").map((a) => as(a, "qty")!.q as Quantity);
  return [...new Set(said.filter((x) => CELL_QUANTITIES.includes(x) && !held.has(x)))].slice(0, 4);
}
