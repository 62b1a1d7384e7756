import { namesOneRoot, type Filter, type Query, type QueryPlan } from "../planning/plan.js";
import type { StoreCatalog } from "../querying/catalog.js";
import { CLASS_VALUES } from "../querying/compile/dims.js";
import type { Vocabulary } from "../planning/vocabulary/vocabulary.js";

/** A cell type (or m-type) said of one named root: "the BC 8646…", "8646… (BC)". */
export interface TypeClaim {
  root: string;
  dim: TypeDim;
  values: string[];
}

type TypeDim = "cell_type" | "mtype" | "class";
const TABLE = { cell_type: "root_cell_type", mtype: "root_mtype", class: "root_cell_type" } as const;
const COLUMN = { cell_type: "cell_type", mtype: "cell_type", class: "classification_system" } as const;
const LABEL = { cell_type: "cell type", mtype: "m-type", class: "class" } as const;

const claimed = (f: Filter): f is Filter & { dim: TypeDim; values: string[] } =>
  (f.dim === "cell_type" || f.dim === "mtype" || f.dim === "class") &&
  !f.not &&
  Array.isArray(f.values) &&
  f.values.length > 0;

/**
 * The types said of a named root, and the plan without them. A type beside one root id only says what that
 * cell is ("max input syn size of the BC 8646…"); as a condition it would ask whether the one root is a BC,
 * which the plan language does not answer. So it is checked against the data instead: when the root has that
 * type the question is answered without the condition, and when it has not, asked back.
 */
export function typeClaims(plan: QueryPlan): { claims: TypeClaim[]; plan: QueryPlan } {
  if (plan.kind !== "query") return { claims: [], plan };
  const claims: TypeClaim[] = [];
  const claim = (root: Filter, types: Filter[]) => {
    for (const t of types.filter(claimed))
      claims.push({ root: String(root.values![0]), dim: t.dim, values: t.values.map(String) });
  };
  const without = (filters: Filter[], types: Filter[]) => filters.filter((f) => !types.includes(f));
  const strip = (filters: Filter[]): Filter[] => {
    const roots = filters.filter(namesOneRoot);
    const types = filters.filter(claimed);
    if (roots.length !== 1 || !types.length) return filters;
    claim(roots[0]!, types);
    return without(filters, types);
  };
  const q: Query = { ...plan, filter: strip(plan.filter), pre: strip(plan.pre), post: strip(plan.post) };
  // ("8646…A and 8646…B (L2/3 pyramidal cells): inputs of each from BCs": said of each compared root too, in its
  // part or on the side the parts share.)
  if (plan.compare) {
    for (const side of ["filter", "pre", "post"] as const) {
      const roots = plan.compare.map((part) => (part[side] ?? []).filter(namesOneRoot));
      const types = q[side].filter(claimed);
      if (!types.length || roots.some((r) => r.length !== 1)) continue;
      for (const r of roots) claim(r[0]!, types);
      q[side] = without(q[side], types);
    }
    q.compare = plan.compare.map((part) => ({
      ...part,
      ...(part.filter && { filter: strip(part.filter) }),
      ...(part.pre && { pre: strip(part.pre) }),
      ...(part.post && { post: strip(part.post) }),
    }));
  }
  return claims.length ? { claims, plan: q } : { claims, plan };
}

/** "8646… (BC)", "8646… (an NGC)", "8646…, a BC,", "8646… is a BC": a type said right after the id. */
const AFTER = [
  /^\s*\(\s*(?:an?\s+|the\s+)?([^()]{1,40}?)\s*\)/,
  /^\s*,\s*(?:an?|the|our)\s+([^,.;:?]{1,40}?)\s*[,.;:?]/,
  /^\s+is\s+(?:an?|one\s+of\s+(?:our|the))\s+([A-Za-z0-9/ -]{1,40}?)\s*(?:[,.;:?]|$)/,
  // ("8646…A and 8646…B (BCs)", "8646…A and 8646…B are both BCs": said of the two together.)
  /^\s*(?:,|and|&)\s*\d{15,20}\s*\(\s*(?:both\s+)?([^()]{1,40}?)\s*\)/,
  /^\s*(?:(?:,|and|&)\s*\d{15,20}\s+)?are\s+both\s+([A-Za-z0-9/ -]{1,40}?)\s*(?:[,.;:?]|$)/,
];
/** "the BC 8646…", "this L4 pyramidal cell 8646…": a type said right before the id. */
const BEFORE = /\b(?:the|a|an|this|that|our|my|one)\s+([A-Za-z0-9/ -]{1,40}?)\s*[:,]?\s*$/i;
/** A determiner after a preposition: "onto the L5 IT cell 8646…" (not "… that 8646…", a clause). */
const DETERMINER = /\b(?:onto|to|into|from|of|for|on|by|with)\s+(?=(?:the|this|that|our|my)\s)/gi;
/** "# postsyn neurons of 4P 8646…", "onto 5P-ET 8646…", "5P-ET 8646…: …": after a preposition, or first. */
const PLAIN = /(?:^|\b(?:of|onto|to|into|from)\s+)([A-Za-z0-9/-]+(?:\s+[A-Za-z0-9/-]+){0,2})\s*$/i;

/**
 * Is the type said of the root itself, right beside its id? Only then is it a claim to check: a type that the
 * reader put on the root's side from elsewhere in the question ("the 23P partners of 8646…") is a misread, left
 * to be asked back.
 */
export function saidOfRoot(question: string, claim: TypeClaim, vocabulary: Vocabulary): boolean {
  const means = (phrase: string) => {
    const words = phrase.trim().replace(/\s+(?:cells?|neurons?|roots?|segments?)$/i, "");
    // ("(BCs)": a plural name too.)
    const term =
      vocabulary.exactMatch(phrase.trim()) ??
      vocabulary.exactMatch(words) ??
      vocabulary.exactMatch(words.replace(/s$/, ""));
    return term !== undefined && "value" in term && claim.values.includes(String(term.value));
  };
  for (let at = question.indexOf(claim.root); at >= 0; at = question.indexOf(claim.root, at + 1)) {
    const after = question.slice(at + claim.root.length);
    if (AFTER.some((re) => means(re.exec(after)?.[1] ?? ""))) return true;
    const window = question.slice(Math.max(0, at - 60), at);
    // (Both: "… that get at least 8 synapses from basket cell 8646…" has a determiner far before the type.)
    if ([BEFORE.exec(window), PLAIN.exec(window)].some((m) => m && means(m[1]!))) return true;
    // (Not only the first determiner: "that synapses onto the L5 IT cell 8646…" says it after "onto the".)
    const later = [...window.matchAll(DETERMINER)].map((d) => BEFORE.exec(window.slice(d.index + d[0].length))?.[1]);
    if (later.some((phrase) => phrase && means(phrase))) return true;
  }
  return false;
}

/** One statement per claim: does the root have one of the types said, and which types has it. */
export function claimStatements(catalog: StoreCatalog, claims: TypeClaim[]) {
  const usable = claims.every((c) => catalog.tables.has(TABLE[c.dim]));
  if (!usable) return undefined;
  return claims.map((c) => {
    const [table, column] = [TABLE[c.dim], COLUMN[c.dim]];
    const values = c.dim === "class" ? c.values.flatMap((v) => CLASS_VALUES[v] ?? [v]) : c.values;
    const marks = values.map(() => "?").join(", ");
    return {
      sql:
        `SELECT EXISTS (SELECT 1 FROM ${table} WHERE pt_root_id = ? AND ${column} IN (${marks})), ` +
        `(SELECT group_concat(DISTINCT ${column}) FROM ${table} WHERE pt_root_id = ?)`,
      params: [BigInt(c.root), ...values, BigInt(c.root)],
    };
  });
}

/** What the checks found: a note for each claim that holds, or the message of the first that does not. */
export function claimVerdict(
  claims: TypeClaim[],
  results: { rows: unknown[][] }[],
): { note: string } | { message: string } {
  const notes: string[] = [];
  for (const [i, c] of claims.entries()) {
    const [holds, has] = results[i]?.rows[0] ?? [];
    const said = c.values.join(" or ");
    if (Number(holds) !== 1) {
      const what = has ? `is ${String(has).split(",").join(" / ")}` : `is not in this data`;
      const message =
        `${c.root}'s ${LABEL[c.dim]} ${what}, not ${said}. ` + "Ask again with the right id, or without the type.";
      return { message };
    }
    notes.push(`${c.root}'s ${LABEL[c.dim]} is ${said}, as the question says.`);
  }
  return { note: notes.join(" ") };
}
