import { is, lower, use } from "./atoms.js";
import type { Clause } from "./clause.js";
import { oneRootPop } from "./flow-partners.js";
import { FLOW_WORDS } from "./shape.js";

/** What a bare phrase of cells may hold besides them: relations, verbs, function words, "list". */
const BARE = ["pop", "rel", "verb", "fn", "list", "glue", "noun"];
const CELL_DIMS = new Set(["cell_type", "class", "mtype", "area", "layer"]);

/**
 * "BCs presynaptic to 8646…", "the 23P cells that 8646… contacts", "list the neurons 8646… projects to":
 * cells in the plural with nothing asked of them but their relation to one root are those cells, listed
 * as "which …" lists them; never the synapses between them, which nothing names.
 */
export function bareCellsOfOneRoot(c: Clause): void {
  if (c.pops.length !== 2 || !c.atoms.every((a) => BARE.includes(a.tag.t))) return;
  const root = c.pops.find(oneRootPop);
  const cells = c.pops.find((p) => p !== root);
  if (!root || !cells || !cells.role || !root.role || cells.role === root.role || cells.role === "both") return;
  const p = cells.pop;
  if (!p.plural || !p.filters.length || !p.filters.every((f) => CELL_DIMS.has(f.dim) || f.is !== undefined)) return;
  if (p.wh || p.each || p.topk || p.sup || p.counted || p.thresholds.length || FLOW_WORDS.has(p.head ?? "")) return;
  // (A flow noun, "synapses from BCs onto 8646…", is what the rows count; "receives input from" is a verb.)
  // ("… that 8646… contacts": a word that may be a verb, after the root, is one.)
  const verbSense = (a: Clause["atoms"][number]) => a.items.some((i) => i.tags.some((t) => t.t === "verb"));
  const flowNoun = (a: Clause["atoms"][number]) =>
    !is(a, "verb") &&
    !verbSense(a) &&
    a.items.some((i) => i.tags.some((t) => t.t === "noun" && FLOW_WORDS.has(String(t.n))));
  // ("BCs that 8646… receives synapses from": a flow noun after the verb is in the relative clause, not the head;
  // "BCs onto 8646… synapses" counts them.)
  const verb = c.atoms.findIndex((a, i) => i > Math.max(cells.i, root.i) && (is(a, "verb") || verbSense(a)));
  if (c.atoms.some((a, i) => flowNoun(a) && !(verb >= 0 && i > verb))) return;
  p.wh = "which";
  use(...c.findAll("list"));
}

/**
 * "list the 23P cells that get input from BC", "list BCs that synapse onto 23P": "list" right before
 * cells in the plural, in a question that asks nothing else of them, lists those cells as "which 23P
 * cells get input from BC" does (each with its synapses), rather than being left over.
 */
export function listedCellsOfFlow(c: Clause): void {
  // ("list the 23P cells that get input from both BC and MC": the cells, each with a synapse from both.)
  if (!c.atoms.every((a) => BARE.includes(a.tag.t) || a.tag.t === "bothsides")) return;
  // (A relation said by a verb or a word of flow: "on" alone is as often a place, "proofread on dendrite only".)
  if (!c.atoms.some((a) => is(a, "verb") || (is(a, "rel") && !/^on$/i.test(lower(a))))) return;
  const list = c.atoms.findIndex((a) => is(a, "list"));
  const cells = c.pops.find((p) => p.i === list + 1);
  if (list < 0 || !cells?.role || cells.role === "both" || !c.pops.some((p) => p !== cells && p.role)) return;
  const p = cells.pop;
  if (!p.plural || !p.filters.length || !p.filters.every((f) => CELL_DIMS.has(f.dim) || f.is !== undefined)) return;
  if (p.wh || p.each || p.topk || p.sup || p.counted || p.thresholds.length || FLOW_WORDS.has(p.head ?? "")) return;
  p.wh = "which";
  use(c.atoms[list]!);
}
