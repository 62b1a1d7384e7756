import {
  countsReciprocalPairsOnce,
  excludesKind,
  PER_ROOT_COUNTS,
  type Filter,
  type Group,
  type Part,
  type Quantity,
  type Query,
} from "../plan.js";
import { describeCells, describeFilter, type Labels } from "./conditions.js";

const SOURCE_NOUN = {
  cells: "cells",
  nuclei: "nuclei",
  roots: "neurons (root ids)",
  synapses: "synapses",
  connections: "connections",
};

/** The rows a query is about, in words: "synapses from BC onto 23P", "basket cells (BC) in area LM". */
export function describeRows(
  q: Pick<Query, "source" | "filter" | "pre" | "post"> & Pick<Partial<Query>, "partners" | "measure">,
  labels: Labels,
): string {
  if (q.source === "synapses" || q.source === "connections") {
    const rows = q.filter.length ? ` ${q.filter.map((f) => describeFilter(f, labels)).join(", ")}` : "";
    const once = q.measure && countsReciprocalPairsOnce({ ...q, measure: q.measure }) ? " (each pair once)" : "";
    // ("onto non-23P targets": a kind left out, with nothing else said, leaves every other root, fragments too.)
    const side = (fs: Filter[]) => describeCells(fs, labels, fs.every(excludesKind) ? "any cell or fragment" : "cells");
    const between = `from ${side(q.pre)} onto ${side(q.post)}`;
    return `${SOURCE_NOUN[q.source]}${rows} ${between}${once}`;
  }
  // (Roots named only by their synapse counts come from every root, fragments too: not "neurons".)
  const untyped = (f: Filter) => (f.dim === "typed" || f.dim === "has_nucleus") && (f.is === false || f.not);
  const anyRoot =
    q.filter.length > 0 && q.filter.every((f) => PER_ROOT_COUNTS.includes(f.dim as Quantity) || untyped(f));
  const noun = q.source !== "roots" ? q.source : anyRoot ? "roots (cells or fragments)" : "neurons";
  const cells = describeCells(q.filter, labels, noun, q.source === "nuclei" ? "all nuclei" : `all ${noun}`);
  if (!q.partners?.length) return cells;
  // ("BC synapses per 23P cell": which of each root's synapses are counted.)
  const inputs = q.measure && "of" in q.measure && /^in_/.test(q.measure.of);
  const what = q.measure && "of" in q.measure && /_partners$/.test(q.measure.of) ? "partners" : "synapses";
  return `${cells}, counting only their ${what} ${inputs ? "from" : "onto"} ${describeCells(q.partners, labels)}`;
}

export function describePart(p: Part, labels: Labels): string {
  // ("neurons in area V1", not "in area V1, neurons": cells of a kind in a place are said as cells.)
  const cellWords = ["class", "cell_type", "mtype", "area", "layer"];
  const filters = p.filter ?? [];
  const cells = filters.length > 1 && filters.every((f) => cellWords.includes(f.dim) && !f.not);
  if (cells && !p.pre?.length && !p.post?.length && filters.some((f) => !["area", "layer"].includes(f.dim)))
    return describeCells(filters, labels);
  const bits = [
    ...(p.filter ?? []).map((f) => describeFilter(f, labels)),
    // ("from 23P onto BC", one flow: not "from 23P, onto BC".)
    [
      ...(p.pre?.length ? [`from ${describeCells(p.pre, labels)}`] : []),
      ...(p.post?.length ? [`onto ${describeCells(p.post, labels)}`] : []),
    ].join(" "),
  ].filter(Boolean);
  return bits.join(", ") || "all";
}

/** The part of a share as a predicate: "are from basket cells (BC)", "have at least 2 synapses". */
export function partIs(p: Part, labels: Labels): string {
  const said = describePart(p, labels);
  if (said.startsWith("with ")) return `have ${said.slice(5)}`;
  // ("194 are pairs whose preferred orientations differ by …", not "194 are whose …".)
  return said.startsWith("whose ") ? `are pairs ${said}` : `are ${said}`;
}

export function describeGroup(g: Group): string {
  const what =
    {
      root_id: "root",
      nucleus_id: "nucleus",
      ori_difference: `difference in preferred orientation (bins of ${g.width ?? 22.5}°)`,
    }[g.dim as string] ?? g.dim.replace(/_/g, " ").replace("mtype", "m-type");
  return g.side ? `${g.side === "pre" ? "presynaptic" : "postsynaptic"} ${what}` : what;
}
