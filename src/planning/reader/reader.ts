import { QueryPlan, type Filter, type PlannerResult, type Reading } from "../plan.js";
import { planFilters as planFiltersOf } from "../plan-check.js";
import type { Vocabulary } from "../vocabulary/vocabulary.js";
import { checkSafety } from "../offline/safety.js";
import { account, quoteList } from "./account.js";
import { anaphors, carryPopulation, resolvedWithin } from "./anaphora.js";
import { atomOf, is, use, type Atom } from "./atoms.js";
import { maskSources } from "./citations.js";
import { Clause } from "./clause.js";
import { readComparatives } from "./comparative.js";
import { compareAsGroups } from "./compare.js";
import { cellRatio, composeCells } from "./compose-cells.js";
import { composeFlow } from "./compose-flow.js";
import { lookupOf } from "./compose-lookup.js";
import { checkPlaced } from "./placed.js";
import { asksOrientationBins, orientationBins } from "./like-to-like.js";
import { withoutRedundantNeuron } from "./dims.js";
import { contradiction, Unreadable } from "./filters.js";
import { continuesAnother, followUp, isFragment } from "./follow-up.js";
import { tagItems, type Item } from "./items.js";
import { Lexicon } from "./lexicon.js";
import { readNumbers } from "./numbers.js";
import { perRootQuantity } from "./per-root.js";
import { partnerTuning } from "./partner-tuning.js";
import { twoMeasures } from "./two-measures.js";
import { prepare } from "./prepare.js";
import { attachRelatives, mergeAppositions, mergeLists, mergePredicates } from "./phrase-merges.js";
import { readPopulations, type Pop } from "./phrases.js";
import { absorbRestatements } from "./restate.js";
import { readRoles } from "./roles.js";
import { markCounted } from "./counted.js";
import { tokenize } from "./tokens.js";

/**
 * The offline reader: a question's words → a plan, by a lexicon and a small grammar, no model and
 * no network. It answers only when every word was read (or is a function word); otherwise it asks
 * back, naming the words it did not understand and offering the reading without them.
 */
export class OfflineReader {
  readonly lexicon: Lexicon;

  constructor(readonly vocabulary: Vocabulary, lexicon?: Lexicon) {
    this.lexicon = lexicon ?? Lexicon.load();
  }

  async plan(question: string, lastPlan?: QueryPlan): Promise<PlannerResult> {
    // (Citations blanked: "Song et al., 2005" is an author, not a request for a song.)
    const injection = checkSafety(maskSources(question), true, true);
    if (injection.refuse) return { type: "refuse", reason: injection.reason };
    const prepared = prepare(question);
    if (!lastPlan && continuesAnother(prepared.text)) {
      return { type: "clarify", message: "That reads as a follow-up, and there is no earlier question here to follow. "
        + "Please ask it in full.", suggestions: [] };
    }
    const result = await this.planPrepared(prepared.text, lastPlan);
    if (!prepared.context.length || result.type === "refuse") return result;
    return { ...result, reading: { used: [], unaccounted: [], ...result.reading, context: prepared.context } };
  }

  private async planPrepared(question: string, lastPlan?: QueryPlan): Promise<PlannerResult> {
    const items = tagItems(tokenize(question), this.lexicon, this.vocabulary);
    // Anything the lexicon knows as data (a name, an id, "synapses", "size") puts the question on topic.
    const namesSomething = items.some((i) => i.tags.some((t) => ["val", "id", "flag", "cutid", "badid", "noun", "qty",
      "angle", "liketolike"].includes(t.t)));
    if (lastPlan && isFragment(items)) {
      const next = followUp(items, lastPlan, (q) => this.readOnce(q));
      if (next) return next;
    }
    const pointed = withPointedId(question, items, lastPlan);
    if (pointed) return this.planPrepared(pointed, lastPlan && oneRoot(lastPlan) ? undefined : lastPlan);
    const safety = checkSafety(question, namesSomething, lastPlan !== undefined);
    if (safety.refuse) return { type: "refuse", reason: safety.reason };
    const result = this.read(items, true, lastPlan);
    if (result.type === "clarify" && !namesSomething && !items.some((i) => i.used) && !lastPlan) {
      const topic = checkSafety(question, false);
      if (topic.refuse) return { type: "refuse", reason: topic.reason };
    }
    if (result.type === "clarify" && result.reading?.unaccounted.length) return this.offerWithout(question, result);
    return result;
  }

  /** Reads a question with no conversation around it (for suggestions and follow-ups). */
  readOnce(question: string): PlannerResult {
    return this.read(tagItems(tokenize(prepare(question).text), this.lexicon, this.vocabulary));
  }

  private read(items: Item[], splitQuestions = true, lastPlan?: QueryPlan): PlannerResult {
    const problem = badIds(items);
    if (problem) return { type: "clarify", message: problem, suggestions: [] };
    const two = splitQuestions
      ? twoQuestions(items, (q, last) => {
        const tagged = tagItems(tokenize(q), this.lexicon, this.vocabulary);
        const pointed = withPointedId(q, tagged, last);
        return this.read(pointed ? tagItems(tokenize(pointed), this.lexicon, this.vocabulary) : tagged, false, last);
      }) : undefined;
    if (two) return { type: "clarify", message: `That is two questions in one; I answer one at a time. Ask "${two[0]}" and then "${two[1]}".`, suggestions: two };
    let plan: QueryPlan;
    try {
      let atoms: Atom[] = items.map(atomOf);
      atoms = readComparatives(readNumbers(atoms));
      atoms = mergePredicates(attachRelatives(mergeAppositions(mergeLists(readPopulations(atoms)))));
      markCounted(atoms);
      plan = compose(new Clause(atoms, readRoles(atoms), (t) => this.vocabulary.classOf(t)));
    } catch (e) {
      // (Said of the whole question, not of words left over: nothing to offer without them.)
      if (e instanceof Unreadable && !items.some((i) => i.used)) items.forEach((i) => (i.used = true));
      if (e instanceof Unreadable) return { type: "clarify", message: e.message, suggestions: e.suggestions, reading: account(items) };
      throw e;
    }
    absorbRestatements(items, plan);
    // "their mean volume": the cells the question names, or else those of the last question.
    const pointing = anaphors(items);
    if (pointing.length && resolvedWithin(items)) pointing.forEach((i) => (i.used = true));
    else if (pointing.length && lastPlan) {
      const carried = carryPopulation(plan, lastPlan);
      if (carried) {
        plan = carried;
        pointing.forEach((i) => (i.used = true));
      }
    }
    const reading = account(items);
    if (reading.unaccounted.length === 1 && /^(or|either)$/i.test(reading.unaccounted[0]!)) {
      return { type: "clarify", message: "I combine conditions only with \"and\", not \"or\"; ask about each condition on its own.", suggestions: [], reading };
    }
    if (reading.unaccounted.length) {
      return { type: "clarify", message: `I did not understand ${quoteList(reading.unaccounted)} in your question.`, suggestions: [], reading };
    }
    const parsed = QueryPlan.safeParse(plan);
    if (!parsed.success) {
      return { type: "clarify", message: `I could not read that into a query (${parsed.error.issues[0]?.message}); please rephrase.`, suggestions: [], reading };
    }
    return { type: "plan", plan: parsed.data, confidence: 0.9, reading };
  }

  /** Asks back naming the words not understood, offering the question without them when that reads. */
  private offerWithout(question: string, result: Extract<PlannerResult, { type: "clarify" }>): PlannerResult {
    const leftover = result.reading!.unaccounted;
    // (Without its "or", a question would read as "and": never offered.)
    if (leftover.some((w) => /^(or|either)$/i.test(w))) return result;
    let rest = question;
    for (const words of leftover) rest = rest.replace(new RegExp(`\\s*\\b(in|with|of|for|from|at|during|on|by)?\\s*(the\\s+)?${escape(words)}\\b`, "i"), "");
    rest = rest.replace(/\s+([?.!])/, "$1").replace(/\s{2,}/g, " ").trim();
    const without = rest !== question && rest.length > 3 ? this.readOnce(rest) : undefined;
    if (without?.type === "plan") {
      return { ...result, message: `${result.message} The tables hold nothing I can match to ${quoteList(leftover)}; without it the question reads "${rest}".`, suggestions: [rest] };
    }
    return result;
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");

function compose(c: Clause): QueryPlan {
  const lookup = lookupOf(c);
  if (lookup) return lookup;
  const perRoot = perRootQuantity(c);
  const bins = asksOrientationBins(c);
  // ("like-to-like in V1": one population of a like-to-like question is both sides of the pairs.)
  if (bins && c.pops.length === 1 && !c.pops[0]!.role) c.pops[0]!.role = "both";
  const flow = (c.roles.flow || bins) && !perRoot;
  const plan = (!bins && (partnerTuning(c) ?? twoMeasures(c)))
    || (cellRatio(c) ?? compareAsGroups(flow ? composeFlow(c) : composeCells(c, perRoot)));
  if (bins && plan.kind === "query") orientationBins(c, plan);
  distributionPerGroup(c, plan);
  checkPlaced(c, plan);
  const used = [...plan.groupBy.map((g) => g.dim), ...("of" in plan.measure ? [plan.measure.of as Filter["dim"]] : [])];
  plan.filter = withoutRedundantNeuron(plan.filter, used);
  plan.pre = withoutRedundantNeuron(plan.pre);
  plan.post = withoutRedundantNeuron(plan.post);
  const dedupe = (fs: Filter[]) => fs.filter((f, i) => fs.findIndex((g) => JSON.stringify(g) === JSON.stringify(f)) === i);
  plan.filter = dedupe(plan.filter);
  plan.pre = dedupe(plan.pre);
  plan.post = dedupe(plan.post);
  for (const list of [plan.filter, plan.pre, plan.post, ...(plan.compare ?? []).flatMap((p) => [
    [...plan.filter, ...(p.filter ?? [])], [...plan.pre, ...(p.pre ?? [])], [...plan.post, ...(p.post ?? [])]])]) {
    const clash = contradiction(list);
    if (clash) throw new Unreadable(`I read one group of cells as both ${clash}, which no cell is; please rephrase (one comparison at a time).`);
  }
  return plan;
}

/**
 * "What type is 8646…? and how many NGCs are in L1?": a second question after a question mark or
 * a semicolon, or after "and" when it starts with its own question word and verb.
 */
function twoQuestions(items: Item[], readOnce: (q: string, last?: QueryPlan) => PlannerResult): [string, string] | undefined {
  const asks = (part: Item[]) => part.some((i) => i.tags.some((t) => ["count", "stat", "fraction", "val", "id", "qty", "lookup", "list"].includes(t.t)));
  const names = (part: Item[]) => new Set(part.flatMap((i) => i.tags.filter((t) => t.t === "val" || t.t === "id").map((t) => JSON.stringify(t))));
  const text = (part: Item[]) => part.map((i) => i.text).join(" ").replace(/\s+([?,.!]|'s\b)/g, "$1").replace(/^(and|,|separately|also)\s+/gi, "")
    .replace(/[?]*$/, "?").replace(/[,;]\s*\?$/, "?").trim();
  for (let k = 1; k < items.length - 1; k++) {
    const at = items[k]!;
    const first = items.slice(0, k);
    const second = items.slice(k + 1);
    const stop = /^[?;]$/.test(at.text);
    const andThenQuestion = /^and$/i.test(at.text)
      && /^(how|what|which|where|who|is|are|does|do)$/i.test(second.find((i) => !/^(and|,|separately|also|then)$/i.test(i.text))?.text.split(" ")[0] ?? "")
      // ("how many BC and how many MC": one question asked twice over is a list.)
      && !(second.find((i) => !/^(and|,|separately|also|then)$/i.test(i.text))?.text.toLowerCase() === first[0]?.text.toLowerCase()
        && second.some((i) => i.tags.some((t) => t.t === "val")));
    if (!(stop || andThenQuestion) || !asks(first) || !asks(second)) continue;
    // A second part that names cells of its own, and both read as questions: two questions. ("Where
    // are the MCs? Scatter of soma positions" elaborates the first; it names nothing new.)
    // ("… how many 5P-ET neurons are there, and how many are proofread?": a count of its own.)
    const countsAgain = second.some((i) => i.tags.some((t) => t.t === "count")) && first.some((i) => i.tags.some((t) => t.t === "count"))
      && second.some((i) => i.tags.some((t) => t.t === "flag" || t.t === "threshold"));
    const own = [...names(second)].some((n) => !names(first).has(n)) || anaphors(second).length > 0 || countsAgain;
    if (!own) continue;
    // ("how many BCs and what is their mean volume": the second may point at the first's cells.)
    const one = readOnce(text(first));
    const two = one.type === "plan" ? readOnce(text(second), one.plan) : undefined;
    if (one.type !== "plan" || two?.type !== "plan") continue;
    // ("How orientation-selective is 8646…? What is its gOSI?": the same question said twice.)
    if (JSON.stringify(one.plan) === JSON.stringify(two.plan)) continue;
    return [text(first), text(second)];
  }
  return undefined;
}

/** Ids that cannot be: cut short, negative, beyond 64 bits. */
function badIds(items: Item[]): string | undefined {
  for (const i of items) {
    for (const t of i.tags) {
      if (t.t === "cutid") return `${i.text} looks like the start of a root id, but root ids have 18 digits (864691135…); give the whole id.`;
      if (t.t === "badid") {
        return `${i.text} is not a root id: root ids are unsigned 64-bit integers (0 to 18,446,744,073,709,551,615; in MICrONS, 18 digits starting 864691).`;
      }
    }
  }
  return undefined;
}

export type { Reading };

/** The one root a plan is about, if it names exactly one ("what type is 8646…", "inputs of 8646…"). */
function oneRoot(plan: QueryPlan): string | undefined {
  if (plan.kind === "lookup") return plan.rootId;
  if (plan.kind !== "query") return undefined;
  const ids = [...plan.filter, ...plan.pre, ...plan.post].filter((f) => f.dim === "root_id").flatMap((f) => f.values ?? []);
  return ids.length === 1 ? String(ids[0]) : undefined;
}

/**
 * The question with a pointing word replaced by the one root it points at: "8646… how many partners
 * with 3+ synapses from it" (after a preposition, the root named before), or "how many synapses does
 * it make?" after a question about one root. Undefined when there is nothing to replace.
 */
function withPointedId(question: string, items: Item[], lastPlan?: QueryPlan): string | undefined {
  const pointing = anaphors(items);
  if (!pointing.length) return undefined;
  const ids = [...new Set(items.flatMap((i) => i.tags.filter((t) => t.t === "id" && t.kind === "root").map((t) => String(t.id))))];
  const afterPreposition = pointing.filter((a) => /^it$/i.test(a.text) && /^(from|to|onto|into|by|on|with|of)$/i.test(items[a.i - 1]?.text ?? ""));
  if (ids.length === 1 && afterPreposition.length && afterPreposition.every((a) => items.some((i) => i.i < a.i && i.tags.some((t) => t.t === "id")))) {
    return question.replace(/\b(from|to|onto|into|by|on|with|of) it\b/gi, `$1 ${ids[0]}`);
  }
  const id = lastPlan && oneRoot(lastPlan);
  if (!id || resolvedWithin(items)) return undefined;
  return question.replace(/\b(its|their)\b/gi, `${id}'s`).replace(/\b(it|them|they)\b/gi, id).replace(/\b(this|that) (cell|neuron)\b/gi, id);
}

/**
 * "plot the distribution of gDSI per area": one histogram cannot hold several groups, so the
 * distributions are drawn side by side as a box plot (an asked-for histogram stays, and is refused).
 */
function distributionPerGroup(c: Clause, plan: QueryPlan): void {
  const named = c.atoms.some((a) => [a.tag, ...a.alt].some((t) => t.t === "chart" && (t.kind === "histogram" || t.kind === "rose")));
  if (plan.kind !== "query" || plan.measure.fn !== "histogram" || named) return;
  if (!plan.groupBy.length && !plan.compare) return;
  plan.measure = { fn: "quartiles", of: plan.measure.of };
  plan.chart = "box";
}
