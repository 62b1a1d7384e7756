import type { LookupField, LookupPlan } from "../plan.js";
import { as, is, use, type Atom } from "./atoms.js";
import type { Clause } from "./clause.js";
import { FLOW_WORDS } from "./shape.js";

/** The field that answers a guess or flag said of the one cell ("8646… - L2/3 or L4?", "is 8646… a fragment?"). */
const FIELD_OF_GUESS: Partial<Record<string, LookupField>> = {
  layer: "layer",
  area: "area",
  mtype: "mtype",
  proofread: "proofreading",
  axon_proofread: "proofreading",
  dendrite_proofread: "proofreading",
  axon_strategy: "proofreading",
  dendrite_strategy: "proofreading",
  coregistered: "coregistration",
  has_nucleus: "nucleus_id",
  tuned: "tuning",
};

/** ("what type is 8646… and also for BPCs?": a plural population after "and" is a second subject, not a guess.) */
function afterAnd(c: Clause, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const a = c.atoms[k]!;
    if (is(a, "fn") || is(a, "rel", "r", "of")) continue;
    return is(a, "rel", "r", "and");
  }
  return false;
}

/**
 * "What type is 8646…?", "nucleus volume of nucleus 123", "tell me about 8646…", "is 8646… a basket
 * cell?", "pref ori of 8646… in radians": one root or nucleus, and the facts asked for.
 */
export function lookupOf(c: Clause): LookupPlan | undefined {
  // Populations that only name a field ("cell type", "area", "nucleus id") are what is asked, not who.
  // ("which nucleus belongs to root X": "which nucleus" asks for the field.)
  // ("postsynaptic cell types of 8646…" are its partners' types, not its own.)
  const fieldPops = c.pops.filter(
    (x) =>
      !x.pop.filters.length &&
      !x.pop.thresholds.length &&
      !x.pop.each &&
      !x.pop.topk &&
      !x.pop.side &&
      x.pop.head &&
      FIELD_HEADS.has(x.pop.head),
  );
  // "8646… - L2/3, L4 or L5?", "is 8646… a BC or an MC?": guesses, answered by the field they name.
  const hasId = (x: Clause["pops"][number]) => x.pop.filters.some((f) => f.dim === "root_id" || f.dim === "nucleus_id");
  const guessPops = c.pops.filter(
    (x) =>
      !hasId(x) &&
      !fieldPops.includes(x) &&
      x.pop.filters.length > 0 &&
      x.pop.filters.every(
        (f) => (["cell_type", "class", "mtype", "layer", "area"].includes(f.dim) && !f.not) || f.is !== undefined,
      ) &&
      !x.pop.wh &&
      !x.pop.each &&
      // ("8646… - L2/3 or L4, top 3", "… with at least 5 synapses": a guess takes no rank or threshold.)
      !x.pop.topk &&
      !x.pop.sup &&
      !x.pop.side &&
      !x.pop.thresholds.length &&
      // ("what type is 8646… onto 23P only": cells on a side of a synapse are partners, not a guess.)
      !x.role &&
      !(x.pop.plural && afterAnd(c, x.i)),
  );
  const idPops = c.pops.filter((x) => !fieldPops.includes(x) && !guessPops.includes(x));
  const flagsOnly = guessPops.every((g) =>
    g.pop.filters.every((f) => f.is !== undefined || f.dim.endsWith("strategy")),
  );
  if (
    idPops.length !== 1 ||
    (guessPops.length &&
      !flagsOnly &&
      !c.has("verb", "v", "be") &&
      !c.has("rel", "r", "or") &&
      !guessPops.some((g) => g.pop.alts || g.pop.filters.some((f) => (f.values?.length ?? 0) > 1)))
  )
    return undefined;
  const flowWords =
    [...FLOW_WORDS].some((n) => c.has("noun", "n", n)) ||
    c.pops.some((x) => ["partner", "target", "source"].includes(x.pop.head ?? "")) ||
    ["out", "in", "connect"].some((v) => c.has("verb", "v", v)) ||
    c.has("probability") ||
    c.has("rel", "r", "upstream") ||
    c.has("rel", "r", "downstream") ||
    c.pops.some((x) => x.pop.side) ||
    // ("total synapse size onto 8646…": a size is of synapses.)
    c.has("qty", "q", "size");
  if (flowWords) return undefined;
  const p = idPops[0]!;
  const ids = p.pop.filters.filter(
    (f) => (f.dim === "root_id" || f.dim === "nucleus_id") && f.values?.length === 1 && !f.not,
  );
  if (
    ids.length !== 1 ||
    p.pop.wh ||
    p.pop.each ||
    p.pop.topk ||
    p.pop.sup ||
    // ("type of 8646… with more than 3 synapses": a threshold on the one cell is no look-up.)
    p.pop.thresholds.length ||
    (p.pop.alts && !p.pop.alts.every((x) => x.filters.every((f) => f.dim === "layer")))
  )
    return undefined;
  // "was 8646… proofread?", "is 8646… coregistered?": the annotation answers it.
  const flags = p.pop.filters.filter((f) => !ids.includes(f) && (f.is !== undefined || f.dim.endsWith("strategy")));
  // ("neuron 8646…", "cell 8646…": the noun names what the id is, it asks nothing.)
  const descriptor = (f: (typeof p.pop.filters)[number]) =>
    f.dim === "class" && f.values?.length === 1 && f.values[0] === "neuron" && !f.not;
  const others = p.pop.filters.filter((f) => !ids.includes(f) && !flags.includes(f) && !descriptor(f));
  // "is 8646… a basket cell?", "8646… - L2/3, L4 or L5?": its type (or layer) answers it.
  // ("8646… exc or inh?": alternatives said of one cell are a guess, answered by its type.)
  const alternatives = others.some((f) => (f.values?.length ?? 0) > 1);
  // ("what type is 8646… excluding BCs": an exclusion beside a question word is no guess to check; not a look-up.)
  if (others.some((f) => f.not) && (c.has("wh") || c.pops.some((x) => x.pop.wh))) return undefined;
  if (
    others.length &&
    !(
      others.every((f) => ["cell_type", "class", "mtype", "layer"].includes(f.dim)) &&
      (c.has("verb", "v", "be") || others.some((f) => f.dim === "layer") || alternatives)
    )
  )
    return undefined;
  if (
    ["count", "fraction", "ratio", "probability", "distribution", "threshold", "topk", "pctl", "per"].some((t) =>
      c.has(t),
    )
  )
    return undefined;
  // ("the cell body of 8646…" is 8646… itself.)
  if (c.has("stat") && !c.atoms.some((a) => is(a, "stat") && /^(total|sum)$/i.test(a.items[0]!.text))) return undefined;
  const fields = new Set<LookupField>();
  if (others.some((f) => f.dim === "mtype")) fields.add("mtype");
  else if (others.length && others.every((f) => f.dim === "class")) fields.add("class");
  else if (others.some((f) => f.dim === "layer")) fields.add("layer");
  else if (others.length) fields.add("cell_type");
  for (const g of [...guessPops, { pop: { filters: flags } }]) {
    if ("atom" in g) c.usePop(g as Clause["pops"][number]);
    for (const f of g.pop.filters) {
      fields.add(FIELD_OF_GUESS[f.dim] ?? "cell_type");
    }
  }
  for (const f of fieldPops) {
    c.usePop(f);
    fieldOf({ tag: { t: "noun", n: f.pop.head }, alt: [], items: [] }, ids[0]!.dim === "root_id").forEach((x) =>
      fields.add(x),
    );
  }
  for (const a of c.atoms) {
    const f = fieldOf(a, ids[0]!.dim === "root_id");
    if (f.length) {
      use(a);
      f.forEach((x) => fields.add(x));
    }
  }
  // ("is 8646… a neuron?": its class answers it.)
  const aNeuron = c.atoms.find((a) => is(a, "per_cell") && /^an? neuron$/i.test(a.items.map((x) => x.text).join(" ")));
  if (aNeuron && c.has("verb", "v", "be")) {
    use(aNeuron);
    fields.add("class");
  }
  // ("which strategy was used for the axon of 8646…": the compartment its proofreading is given for.)
  if (fields.has("proofreading")) use(...c.findAll("side"));
  if (c.has("lookup")) use(c.find("lookup"));
  if (c.has("verb", "v", "be")) use(c.find("verb", "v", "be"));
  // ("nucleus volume of 8646… in µm³": a unit the field shown is given in.)
  const units = c.findAll("unit");
  if (c.has("wh", "w", "where") && !fields.size) {
    use(c.find("wh", "w", "where"));
    fields.add("position");
    fields.add("depth");
  }
  for (const u of units) {
    if ((UNIT_FIELDS[String(as(u, "unit")!.u)] ?? []).some((f) => fields.has(f))) use(u);
  }
  // ("pref ori of 8646… in radians"; not "cell type of 8646… in degrees": an angle's unit, said of an angle.)
  const angled = !fields.size || fields.has("tuning");
  const radians = angled && (c.take("units", "u", "rad") !== undefined || c.take("unit", "u", "rad") !== undefined);
  if (angled) use(c.find("units"));
  // ("where is the soma of 8646… in nm": the position is shown in that unit, not only in voxels.)
  const scale = units.map((u) => String(as(u, "unit")!.u)).find((u): u is "nm" | "um" => u === "nm" || u === "um");
  const positionUnit = fields.has("position") ? scale : undefined;
  // ("In nm, not voxels: the soma coordinates of 8646…": said of a position given in nm or µm, and only then.)
  if (positionUnit) use(...units.filter((u) => as(u, "unit")!.u === "not-vox"));
  c.usePop(p);
  const id = ids[0]!.values![0]!;
  return {
    kind: "lookup",
    ...(ids[0]!.dim === "root_id" ? { rootId: id } : { nucleusId: id }),
    fields: [...fields],
    ...(radians ? { radians } : {}),
    ...(positionUnit ? { positionUnit } : {}),
  };
}

const UNIT_FIELDS: Record<string, LookupField[]> = {
  um3: ["volume"],
  um: ["depth", "position"],
  nm: ["position"],
  vox: ["position"],
  deg: ["tuning"],
};

const FIELD_HEADS = new Set([
  "type",
  "mtype",
  "class",
  "area",
  "layer",
  "strategy",
  "nucleus",
  "root",
  "cell",
  "neuron",
]);

function fieldOf(a: Atom, byRoot: boolean): LookupField[] {
  const noun = as(a, "noun")?.n;
  const qty = as(a, "qty")?.q;
  if (noun === "type" || noun === "class" || is(a, "glue", "g", "type"))
    return [noun === "class" ? "class" : "cell_type"];
  if (noun === "mtype") return ["mtype"];
  if (noun === "nucleus" && byRoot) return ["nucleus_id"];
  if (noun === "root" && !byRoot) return ["root_id"];
  if (noun === "area") return ["area"];
  if (noun === "layer") return ["layer"];
  if (
    noun === "strategy" ||
    is(a, "status") ||
    is(a, "flag", "dim", "proofread") ||
    is(a, "flag", "dim", "axon_proofread") ||
    is(a, "flag", "dim", "dendrite_proofread")
  )
    return ["proofreading"];
  if (is(a, "flag", "dim", "coregistered") || is(a, "field", "f", "coregistration") || is(a, "field", "f", "session")) {
    return ["coregistration"];
  }
  if (noun === "synapse" || noun === "partner") return ["synapses"];
  if (qty === "volume" || qty === "big") return ["volume"];
  if (qty === "position") return ["position"];
  if (qty === "depth") return ["depth"];
  if (
    qty === "pref_ori" ||
    qty === "pref_dir" ||
    qty === "osi" ||
    qty === "dsi" ||
    qty === "tuning" ||
    is(a, "flag", "dim", "tuned")
  )
    return ["tuning"];
  return [];
}
