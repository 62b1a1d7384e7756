import type { Prepared } from "./prepare.js";
import { namesOf, readerVocabulary } from "./words.js";

/*
 * "Order the four visual areas by …", "sort the seven excitatory cell types by …", "rank the four interneuron
 * types (BC, MC, BPC, NGC)": a number that says how many groups there are says again what the data holds. It is
 * dropped only when it is that number; any other ("the five areas") stays, to be asked back.
 */
const NUMBER: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, eleven: 11 };
const N = String.raw`(two|three|four|five|six|seven|eight|eleven|\d{1,2})`;
const AREAS = new RegExp(
  String.raw`\b(the|all|all\s+the|those|these)\s+${N}\s+((?:visual\s+|cortical\s+)?areas)\b`,
  "gi",
);
const TYPES = new RegExp(
  String.raw`\b(the|all|all\s+the|those|these)\s+${N}\s+` +
    String.raw`(?:(excitatory|exc|inhibitory|inh|interneuron|GABAergic|pyramidal|neuron|neuronal)\s+)?((?:cell\s+)?(?:m-?)?types)\b`,
  "gi",
);

/** "Rank all four.", "… all 4 of them": how many of one kind of value the question lists. */
const ALL_N = new RegExp(
  String.raw`\ball\s+(?:of\s+the\s+|the\s+)?${N}(?=\s*(?:[.,;:!?)]|$|\s+of\s+them\b|\s+by\b))`,
  "gi",
);

function listed(text: string): Set<number> {
  const byDim = new Map<string, Set<string>>();
  for (const n of namesOf(text)) {
    const tag = n.tag as { t: string; dim?: string; value?: string };
    if (tag.t !== "val" || !tag.dim) continue;
    byDim.set(tag.dim, (byDim.get(tag.dim) ?? new Set()).add(n.key));
  }
  return new Set([...byDim.values()].map((v) => v.size).filter((k) => k >= 2));
}

const numberOf = (w: string) => NUMBER[w.toLowerCase()] ?? Number(w);

function typeCount(kind: string | undefined, types: string): number {
  const v = readerVocabulary().file;
  const list = /m-?types/i.test(types) ? v.mtypes : v.cellTypes;
  const k = (kind ?? "").toLowerCase();
  const cls = /^(inh|inhibitory|interneuron|gabaergic)$/.test(k)
    ? "inhibitory"
    : /^(exc|excitatory|pyramidal)$/.test(k)
      ? "excitatory"
      : undefined;
  if (cls) return list.filter((t) => t.class === cls).length;
  if (/^neuron/.test(k)) return list.filter((t) => t.class === "excitatory" || t.class === "inhibitory").length;
  return list.length;
}

export function countedGroups(p: Prepared): Prepared {
  const text = p.text
    .replace(AREAS, (all, the: string, n: string, areas: string) => (numberOf(n) === 4 ? `${the} ${areas}` : all))
    .replace(TYPES, (all, the: string, n: string, kind: string | undefined, types: string) =>
      numberOf(n) === typeCount(kind, types) ? `${the} ${kind ? `${kind} ` : ""}${types}` : all,
    );
  const counts = ALL_N.test(text) ? listed(text) : new Set<number>();
  const said = text.replace(ALL_N, (all, n: string) => (counts.has(numberOf(n)) ? all.replace(n, "").trim() : all));
  return said === p.text ? p : { ...p, text: said };
}
