import { BOUNDABLE, type Having, type PlannerResult, type Query } from "../plan.js";
import { boundIn, escape, groupBoundWords, type Bound } from "./group-bound-words.js";
import { NUMBER_WORDS } from "./spelled-numbers.js";

/** A preposition that carries a bounded statistic's own conditions ("… above 1500 onto 23P"). */
const CONDITION = /^(?:in|onto|on|from|to|of|among|within|for|between)\b/i;

/**
 * "Which types have more than 100 cells?", "which presynaptic types make at least 500 synapses onto 23P?",
 * "areas where more than 20% of coregistered neurons are tuned", "how many types have at least 50 cells in L5":
 * groups kept by a bound on their own measure. The question is said again as the measure per group ("number of
 * synapses onto 23P per presynaptic type") and read as any question is; the bound is then put on the groups (a
 * HAVING), never on each cell. It had been read as a bound on each cell (the synapses of cells that make at least
 * 500 onto 23P, per type), or asked back. Anything not read the same way leaves the question to the usual reading.
 */
export async function groupsKeptByBound(
  question: string,
  read: (q: string) => Promise<PlannerResult>,
): Promise<PlannerResult | undefined> {
  for (const said of sayings(spelled(question))) {
    const kept = await keptOnce(said, read);
    if (kept) return kept;
  }
  return undefined;
}

/** "twenty" → "20": a bound's number said in words. */
const spelled = (q: string) =>
  q.replace(/\b[a-z]+\b/gi, (w) =>
    NUMBER_WORDS[w.toLowerCase()] !== undefined ? String(NUMBER_WORDS[w.toLowerCase()]) : w,
  );

/** Words after the groups asked for that point back at a bound said first ("… : which types clear that bar?"). */
const REACH =
  /(?:\s+(?:clear|pass|reach|meet|make|get|hit)\s+(?:that|this|the|it)(?:\s+(?:bar|cut|cutoff|threshold|mark))?|\s+get\s+there|\s+qualify|\s+do)?/;

/**
 * The question as said, and said again with the bound in its place: "At least 10 coregistered neurons: which cell
 * types get there?" is "which cell types have at least 10 coregistered neurons".
 */
function sayings(question: string): string[] {
  const fronted = new RegExp(String.raw`^([^:?]+?)\s*:\s*((?:which|what)\s+[^?:]+?)${REACH.source}\s*\?*\s*$`, "i");
  const m = fronted.exec(question);
  if (m && boundIn(m[1]!)) return [question, `${m[2]} have ${m[1]}?`];
  // ("Looking at the m-types, which ones have over 65 cells each?": the groups named first, then "which ones".)
  const named = namedFirst(question);
  // ("which cell types make more than 55 output synapses per cell on average?": the groups' mean, bounded.)
  const averaged = question.replace(ON_AVERAGE, "have a mean of $1 $2 $3 per cell").replace(AVG_VERB, "$1 have avg ");
  return [question, ...(named ? [named] : []), ...(averaged !== question ? [averaged] : [])];
}

/** "which types avg > 55 out syn per cell": "avg" said as the verb. */
const AVG_VERB = new RegExp(
  String.raw`\b((?:which|what)\s+(?:[\w/-]+\s+){0,4}?)(?:avg|average|averages|averaging)\s+` +
    String.raw`(?=[<>≥≤]|(?:more|over|above|under|below|at\s+least|at\s+most|fewer|less)\b)`,
  "i",
);

const ON_AVERAGE = new RegExp(
  String.raw`\b(?:make|makes|receive|receives|have|has|get|gets)\s+((?:more|fewer|less)\s+than|over|above|under|` +
    String.raw`below|at\s+least|at\s+most)\s+(\d+(?:\.\d+)?)\s+` +
    String.raw`((?:input|output|incoming|outgoing)\s+(?:synapses|syns?)|` +
    String.raw`(?:pre|post)synaptic\s+partners|inputs|outputs)\s+(?:per\s+(?:cell|neuron)\s*,?\s*)?on\s+average\b`,
  "i",
);

/** "Looking at the morphological types (m-types), which ones …" → "which morphological types …". */
function namedFirst(question: string): string | undefined {
  const groups = groupBoundWords().file.groups;
  const words = groups.flatMap((g) => g.words).sort((a, b) => b.length - a.length);
  const alt = words.map(escape).join("|");
  const re = new RegExp(
    String.raw`^\s*(?:looking\s+at|for|among|across|considering|of)\s+(?:the\s+|all\s+)?(${alt})` +
      String.raw`(?:\s*\((${alt})\))?\s*,\s*(which|what)\s+(?:ones|of\s+them)\s+(.+)$`,
    "i",
  );
  const m = re.exec(question);
  if (!m) return undefined;
  const group = (w: string) => groups.find((g) => g.words.some((x) => x.toLowerCase() === w.toLowerCase()));
  // (A word in brackets must name the same groups: "(m-types)" after "morphological types".)
  if (m[2] && group(m[2]) !== group(m[1]!)) return undefined;
  return `${m[3]} ${m[1]} ${m[4]}`;
}

async function keptOnce(
  question: string,
  read: (q: string) => Promise<PlannerResult>,
): Promise<PlannerResult | undefined> {
  const words = groupBoundWords();
  const m = words.subject.exec(question)?.groups;
  if (!m) return undefined;
  const bound = boundIn(m.rest!);
  if (!bound) return undefined;
  const group = words.file.groups.find((g) => g.words.some((w) => sameWords(w, m.group!)))!;
  const said = (list: string[], w?: string) => w !== undefined && list.some((x) => sameWords(x, w));
  const side = said(words.file.sides.pre, m.side)
    ? "pre"
    : said(words.file.sides.post, m.side)
      ? "post"
      : said(words.file.verbs.pre, m.verb)
        ? "pre"
        : said(words.file.verbs.post, m.verb)
          ? "post"
          : undefined;
  // ("types with more than 100 inputs": each cell's inputs, or the type's? Not read as the type's.)
  const head = bound.after.split(/\s+/)[0]!.toLowerCase();
  if (!bound.before && said(words.file.perCell, head)) return undefined;
  const per = `${side ? (side === "pre" ? "presynaptic " : "postsynaptic ") : ""}${group.per}`;
  const counted = /^(how\s+many|number\s+of|#)$/i.test(m.lead ?? "");
  const cls = Object.entries(words.file.classes).find(([, ws]) => said(ws, m.cls))?.[0];
  // ("Counting synapses onto BC, how many input types reach 200 or more?": what is counted, said first.)
  const counting = /^(.*?)\bcounting\s+([^,]+),\s*$/i.exec(m.prefix ?? "");
  // ("… above 40 partners, counting distinct partners per cell": a clause after the bound, said last.)
  const [after, tail] = splitTail(bound.after);
  const [prefix, measures] =
    counting && !bound.before && !bound.after
      ? [counting[1]!, [`number of ${counting[2]}`]]
      : [m.prefix ?? "", measuredWords({ ...bound, after }, cls, words.file.units)];
  for (const measured of measures) {
    const result = await read(`${prefix}${measured} per ${per}${tail ? `, ${tail}` : ""}?`);
    if (result.type !== "plan" || result.plan.kind !== "query") continue;
    const having = boundOf(bound, result.plan, counted);
    if (!having || !groupedAsSaid(result.plan, group.dim, side)) continue;
    const reading = result.reading ?? { used: [], unaccounted: [] };
    const consumed = [m.lead, m.side, m.group, m.verb, bound.said].filter((w): w is string => Boolean(w));
    return {
      ...result,
      plan: { ...result.plan, having },
      reading: { ...reading, used: [...new Set([...reading.used, ...consumed])] },
    };
  }
  return undefined;
}

/**
 * What is bounded, said as a measure: "number of cells in L5" (a count said after the bound), "percentage of
 * coregistered neurons tuned" (a share), "median out-degree" (a statistic said before it; a unit said after the
 * bound restates it, a condition after it is kept), "median postsynaptic partners" (the bound said between the
 * statistic and its quantity, as "a median above 40 postsynaptic partners" is). Each is tried in turn.
 */
function measuredWords(bound: Bound, cls: string | undefined, units: string[]): string[] {
  const before = bound.before
    .replace(/^(?:an?|the)\s+/i, "")
    .replace(/\s+of$/i, "")
    .trim();
  const after = bound.after;
  const kind = cls ? `${cls} ` : "";
  if (!before) {
    if (!after) return [];
    if (bound.percent) return /^of\s/i.test(after) ? [`percentage ${after}`] : [];
    return [`number of ${kind}${after}`];
  }
  const ofKind = cls ? ` of ${cls} cells` : "";
  const unit = units.find((u) => new RegExp(`^${escape(u)}\\b`, "i").test(after));
  const rest = unit ? after.slice(unit.length).trim() : after;
  const out: string[] = [];
  if (!rest || CONDITION.test(rest)) out.push(`${before}${rest ? ` ${rest}` : ""}${ofKind}`);
  if (after && !CONDITION.test(after)) out.push(`${before} ${after}${ofKind}`);
  return out;
}

/** The bound in the plan's unit: a share's bound said in percent is a fraction; a count is of groups. */
function boundOf(bound: Bound, plan: Query, counted: boolean): Having | undefined {
  const m = plan.measure;
  if (!BOUNDABLE.includes(m.fn) || plan.compare || plan.limit || plan.order || plan.chart || plan.having) return;
  // (Each group's share of all the rows is where the rows go, not a share within each group.)
  if (m.fn === "fraction" && m.across) return;
  const share = m.fn === "fraction";
  // (A share bounded without "%" is a fraction, 0 to 1: "areas where the tuned share is above 0.2".)
  const values = [bound.having.min, bound.having.max].filter((x) => x !== undefined);
  if (share ? !bound.percent && values.some((x) => x > 1) : bound.percent) return;
  const scale = (x?: number) => (x === undefined ? undefined : share && bound.percent ? x / 100 : x);
  const h: Having = { ...bound.having, min: scale(bound.having.min), max: scale(bound.having.max) };
  for (const k of Object.keys(h) as (keyof Having)[]) if (h[k] === undefined) delete h[k];
  return counted ? { ...h, count: true } : h;
}

/** The plan is grouped by the group said (on the side said), and by nothing else. */
function groupedAsSaid(plan: Query, dim: string, side: "pre" | "post" | undefined): boolean {
  const [g, more] = plan.groupBy;
  if (!g || more || g.dim !== dim) return false;
  return side === undefined || g.side === undefined || g.side === side;
}

const sameWords = (a: string, b: string) =>
  a.toLowerCase().replace(/\s+/g, " ") === b.toLowerCase().replace(/\s+/g, " ");

/** Words and a clause said after them with a comma ("partners, counting distinct partners per cell"). */
function splitTail(measured: string): [string, string | undefined] {
  const at = measured.indexOf(",");
  return at < 0 ? [measured, undefined] : [measured.slice(0, at).trim(), measured.slice(at + 1).trim()];
}
