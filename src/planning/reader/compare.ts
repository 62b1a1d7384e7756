import { namesOneRoot, type Filter, type Part } from "../plan.js";
import { is, text, use, type Atom } from "./atoms.js";
import type { Clause } from "./clause.js";
import { popFilters, Unreadable } from "./filters.js";
import type { Pop } from "./phrases.js";
import type { Role } from "./roles.js";

type Side = "pre" | "post" | "filter";

/** A population's label in a comparison: its values ("BC", "23P", "LM"). */
export function labelOf(filters: Filter[]): string {
  // (One root is named by its id: "8646… (BC)" is that root, its kind only a description of it.)
  const root = filters.find(namesOneRoot);
  if (root) return root.values![0]!;
  return filters.map(filterLabel).join(", ") || "all";
}

/** One condition in a few words: "not coregistered" had been "coregistered" (two sets labelled alike). */
function filterLabel(f: Filter): string {
  const dim = f.dim.replace(/_/g, " ");
  if (f.values) return `${f.not ? "not " : ""}${f.values.join(" or ")}`;
  if ((f.is === false) !== Boolean(f.not)) return `not ${dim}`;
  const [lo, hi] = [f.min === undefined ? "" : `${f.minExclusive ? ">" : "≥"} ${f.min}`, f.max ?? ""];
  const upper = hi === "" ? "" : `${f.maxExclusive ? "<" : "≤"} ${hi}`;
  return [dim, lo, upper].filter(Boolean).join(" ");
}

/**
 * "BC and MC cells", "23P vs 4P", "BC→23P vs MC": named sets compared, one answer each. A
 * population with "and" between values of one kind is split into its sets; "X vs Y" sets Y against
 * the population it is most like (of the same class of cells: "BC→23P vs MC" compares BC and MC).
 */
export function comparisonOf(
  c: Clause,
  sideOf: (p: Clause["pops"][number]) => Side | undefined,
): { parts?: Part[]; skip: Set<number> } {
  const skip = new Set<number>();
  const vs = c.find("vs");
  const at = c.index(vs);
  // ("how do volumes compare between 5P-ET, 5P-IT and 5P-NP": nothing before, one list after: it is compared.)
  const later = c.pops.filter((p) => p.i > at);
  const listOnly = !c.pops.some((p) => p.i < at) && later.length === 1 && (later[0]!.pop.alts?.length ?? 0) >= 2;
  if (vs && listOnly) use(vs);
  else if (vs) {
    const after = c.pops.find((p) => p.i > at);
    const before = c.pops.filter((p) => p.i < at);
    if (!after || !before.length)
      throw new Unreadable('What is compared with what? For example "BC vs MC outputs onto 23P".');
    const flows = flowComparison(
      c,
      vs,
      before,
      c.pops.filter((p) => p.i > at),
      sideOf,
      skip,
    );
    if (flows) return { parts: flows, skip };
    // ("share of 23P inputs from 4P vs from BC", "share of BC outputs onto 23P vs 4P": cells named before
    // the compared ones make the share's whole, and the compared sets its parts, two shares of one whole
    // that the plan language cannot say; read as one share per compared whole, they were other shares.)
    if (c.has("fraction") && before.length > 1) {
      throw new Unreadable(
        'Two shares of one whole? Ask each on its own, for example "share of 23P inputs from 4P", or compare ' +
          'wholes: "% of BC vs MC outputs onto 23P".',
      );
    }
    // ("do 23P cells receive more inhibitory or excitatory synapses": the set right before "or", of the same
    // kind, is the one compared; 23P, also excitatory, had been taken as the first set.)
    const adjacent = before.find((b) => b.i === at - 1 && b.pop.filters[0]?.dim === after.pop.filters[0]?.dim);
    const target =
      adjacent && after.i === at + 1 && adjacent.pop.filters[0]?.dim !== "root_id"
        ? adjacent
        : sideOf(after) !== undefined && before.some((b) => sideOf(b) === sideOf(after))
          ? before.filter((b) => sideOf(b) === sideOf(after)).pop()!
          : likest(c, before, after.pop);
    const side = sideOf(target);
    if (!side) throw new Unreadable("I could not tell which part of the question the comparison replaces.");
    use(vs);
    c.usePop(after);
    skip.add(target.i).add(after.i);
    // "BC→23P vs MC→23P": after "vs", a population that repeats one of the same side adds nothing.
    for (const p of c.pops.filter((x) => x.i > at && x !== after)) {
      const twin = before.find(
        (b) => sideOf(b) === sideOf(p) && JSON.stringify(b.pop.filters) === JSON.stringify(p.pop.filters),
      );
      if (twin) {
        c.usePop(p);
        skip.add(p.i);
      }
    }
    c.usePop(target);
    const said = popFilters(after.pop, c.classOf);
    // ("… receive input from, vs how many it targets": a set after "vs" that names nothing is no set to
    // compare with; only "all", "every cell", "overall" say every row. It had been compared with all rows.)
    const words = [c.atoms[after.i - 1], after.atom].flatMap((a) => a?.items.map((i) => i.text) ?? []).join(" ");
    const everything = /\b(all|every|everything|overall|any)\b/i.test(words);
    if (!said.length && !everything) throw new Unreadable('Compared with what? The part after "vs" names no cells.');
    const a = [...popFilters(target.pop, c.classOf), ...placeSaidOfBoth(c, target.pop, after)];
    // ("5P-IT cells in V1 vs (the number) in RL": what the second set does not restate, it shares.)
    const dims = new Set(said.map((f) => f.dim));
    const shared = said.length && a.some((f) => dims.has(f.dim)) ? a.filter((f) => !dims.has(f.dim)) : [];
    const b = [...shared, ...said];
    // ("23P in V1 vs 23P in LM": each set is labelled by what differs, "V1" and "LM".)
    const same = (f: Filter, fs: Filter[]) => fs.some((g) => JSON.stringify(g) === JSON.stringify(f));
    const own = (x: Filter[], y: Filter[]) => (x.some((f) => !same(f, y)) ? x.filter((f) => !same(f, y)) : x);
    // ("how many had their axon fully extended, how many partially extended, and how many none": a list
    // before "vs" is its sets, each compared; it had been one set, their union.)
    if ((target.pop.alts?.length ?? 0) >= 2 && !after.pop.alts) {
      const alts = target.pop.alts!;
      const rest = a.filter(
        (f) => !alts.some((x) => x.filters.some((g) => g.dim === f.dim && sameValues(g, f))) && !isUnion(f, target.pop),
      );
      // (The last set is labelled like the others when it names a value of their kind: "none".)
      const kinds = new Set(alts.flatMap((x) => x.filters.map((f) => f.dim)));
      const sameKind = b.filter((f) => kinds.has(f.dim) && !f.not);
      const last = labelOf(sameKind.length === 1 ? sameKind : own(b, a));
      return { parts: [...alts.map((x) => part(side, x.label, [...rest, ...x.filters])), part(side, last, b)], skip };
    }
    return { parts: [part(side, labelOf(own(a, b)), a), part(side, labelOf(own(b, a)), b)], skip };
  }
  const split = c.pops.find((p) => p.pop.alts && p.pop.alts.length >= 2 && p.role !== "both");
  // "astrocytes plus microglia, total count": one figure for them together (not "BC vs MC: total", one each).
  const together = togetherWord(c);
  if (split && together && !split.pop.versus) {
    use(together);
    return { skip };
  }
  // "23P in HVAs (RL/AL/LM)": a list that restates a name already given is not a comparison.
  const union = split
    ? split.pop
        .alts!.flatMap((a) => a.filters.flatMap((f) => f.values ?? []))
        .sort()
        .join("|")
    : "";
  if (
    split &&
    c.pops.some((p) => p !== split && p.pop.filters.some((f) => f.values && [...f.values].sort().join("|") === union))
  ) {
    c.usePop(split);
    skip.add(split.i);
    return { skip };
  }
  if (split) {
    const side = sideOf(split);
    if (!side) return { skip };
    c.usePop(split);
    skip.add(split.i);
    const rest = popFilters(split.pop, c.classOf).filter(
      (f) =>
        !split.pop.alts!.some((a) => a.filters.some((g) => g.dim === f.dim && sameValues(g, f) && !g.not === !f.not)) &&
        !isUnion(f, split.pop),
    );
    return { parts: split.pop.alts!.map((a) => part(side, a.label, [...rest, ...a.filters])), skip };
  }
  return { skip };
}

const PLACES = new Set(["area", "layer", "depth"]);

/**
 * "how many more inh than exc in L1": a place said last, after the second set, is where both are
 * (it had been read of the second only: all inhibitory cells against L1's excitatory ones).
 */
function placeSaidOfBoth(c: Clause, first: Pop, second: Clause["pops"][number]): Filter[] {
  if (c.pops[c.pops.length - 1] !== second || second.pop.clauseAt === undefined) return [];
  const trailing = second.pop.filters.slice(second.pop.clauseAt).filter((f) => PLACES.has(f.dim));
  return trailing.filter((f) => !first.filters.some((g) => g.dim === f.dim));
}

function isUnion(f: Filter, pop: Pop): boolean {
  const all = pop.alts!.flatMap((a) => a.filters.flatMap((g) => g.values ?? []));
  return Boolean(f.values && f.values.length === all.length && f.values.every((v) => all.includes(v)));
}

const sameFilters = (a: Filter[], b: Filter[]) => {
  const key = (fs: Filter[]) =>
    fs
      .map((f) => JSON.stringify(f))
      .sort()
      .join("|");
  return key(a) === key(b);
};

const sameValues = (a: Filter, b: Filter) => JSON.stringify(a.values) === JSON.stringify(b.values);

/**
 * "23P→23P vs 4P→4P", "BC→23P vs MC→23P": two flows, each with both sides named. Sides said the same
 * in both are shared; the others make the two parts.
 */
function flowComparison(
  c: Clause,
  vs: Atom,
  before: Clause["pops"],
  after: Clause["pops"],
  sideOf: (p: Clause["pops"][number]) => Side | undefined,
  skip: Set<number>,
): Part[] | undefined {
  const all = after.filter((p) => sideOf(p) === "pre" || sideOf(p) === "post");
  // ("MC→ET vs PV→ET … onto 5P-ET": a side said again after the second flow, the same cells, is that side.)
  const again = all.filter((p, k) =>
    all.some(
      (q, j) =>
        j < k && sideOf(q) === sideOf(p) && sameFilters(popFilters(q.pop, c.classOf), popFilters(p.pop, c.classOf)),
    ),
  );
  const sided = all.filter((p) => !again.includes(p));
  const sides = new Set(sided.map(sideOf));
  const flowBefore = ["pre", "post"].every((sd) => before.some((b) => sideOf(b) === sd));
  // (Two flows said, but not as two flows can be compared: asked back, not read as one side replaced.)
  if (flowBefore && sides.size === 2 && sided.length > 2)
    throw new Unreadable('Which flows are compared? Say them as "BC→23P vs MC→23P".');
  if (sided.length !== 2 || sides.size !== 2 || !sided.every((p) => before.some((b) => sideOf(b) === sideOf(p))))
    return undefined;
  for (const p of again) {
    c.usePop(p);
    skip.add(p.i);
  }
  const a: Part = {};
  const b: Part = {};
  const labels: [string[], string[]] = [[], []];
  for (const side of ["pre", "post"] as const) {
    const x = before.filter((p) => sideOf(p) === side).pop()!;
    const y = sided.find((p) => sideOf(p) === side)!;
    c.usePop(y);
    skip.add(y.i);
    // ("syn BC→23P vs MC→23P in V1": a place said last is said of both flows, not of MC→23P alone.)
    const both = placeSaidOfBoth(c, x.pop, y);
    const xs = [...popFilters(x.pop, c.classOf), ...both];
    const ys = popFilters(y.pop, c.classOf);
    if (sameFilters(xs, ys)) {
      // (The side both share is read from the one that says it all, with the place.)
      if (both.length) {
        skip.delete(y.i);
        c.usePop(x);
        skip.add(x.i);
      }
      continue;
    }
    c.usePop(x);
    skip.add(x.i);
    a[side] = xs;
    b[side] = ys;
    labels[0].push(labelOf(a[side]!));
    labels[1].push(labelOf(b[side]!));
  }
  if (!labels[0].length) return undefined;
  use(vs);
  return [
    { label: labels[0].join("→"), ...a },
    { label: labels[1].join("→"), ...b },
  ];
}

function part(side: Side, label: string, filters: Filter[]): Part {
  return side === "filter" ? { label, filter: filters } : { label, [side]: filters };
}

/** Of the populations before "vs", the one most like the one after (same class of cells, same kind of name). */
function likest(c: Clause, before: Clause["pops"], after: Pop): Clause["pops"][number] {
  const kind = (p: Pop) => {
    const f = p.filters.find((x) => x.values);
    if (!f) return undefined;
    if (f.dim === "cell_type") return `cell_type:${c.classOf(f.values![0]!) ?? ""}`;
    if (f.dim === "class") return `cell_type:${f.values![0] === "neuron" ? "" : f.values![0]}`;
    return f.dim;
  };
  const want = kind(after);
  const same = before.filter((b) => kind(b.pop) === want);
  if (same.length === 1) return same[0]!;
  if (before.length === 1) return before[0]!;
  const dims = before.filter((b) => b.pop.filters[0]?.dim === after.filters[0]?.dim);
  if (dims.length === 1) return dims[0]!;
  throw new Unreadable(
    'I could not tell which of the populations the comparison replaces; name both sides, e.g. "BC→23P vs MC→23P".',
  );
}

export const roleSide = (r: Role | undefined): "pre" | "post" | undefined =>
  r === "pre" || r === "post" ? r : undefined;
export { is };

/** "together", "combined", or a total said in the count words ("total number of synapses onto 23P and 4P"). */
export function togetherWord(c: Clause): Atom | undefined {
  return c.find("together") ?? c.atoms.find((a) => is(a, "count") && /^total\b/i.test(text(a)));
}
