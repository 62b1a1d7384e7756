import { labelledAsAsked } from "./both-ways-labels.js";
import { QueryPlan, type PlannerResult, type Reading } from "../plan.js";
import { countsWhatWasDenied, deniedBack } from "./not-counted.js";
import type { Vocabulary } from "../vocabulary/vocabulary.js";
import { checkSafety } from "../offline/safety.js";
import { account, quoteList } from "./account.js";
import { anaphors, carryPopulation, resolvedWithin } from "./anaphora.js";
import { atomOf, type Atom } from "./atoms.js";
import { badIds } from "./bad-ids.js";
import { maskSources } from "./citations.js";
import { Clause } from "./clause.js";
import { readComparatives } from "./comparative.js";
import { rankedBy, readSenses } from "./senses.js";
import { droppedKind } from "./kept-kinds.js";
import { compose } from "./compose-plan.js";
import { Unreadable } from "./filters.js";
import { continuesAnother, followUp, isFragment } from "./follow-up.js";
import { groupsKeptByBound } from "./group-bounds.js";
import { tagItems, type Item } from "./items.js";
import { Lexicon } from "./lexicon.js";
import { readNumbers } from "./numbers.js";
import { prepare, type Prepared } from "./prepare.js";
import { brokenClaim, claimBack, type Claim } from "./claims.js";
import { claimsIn, saidForLater } from "./remarks.js";
import { mergePartnerKinds } from "./partner-kinds.js";
import { attachRelatives, mergeAppositions, mergeDistinct, mergeLists, mergePredicates } from "./phrase-merges.js";
import { mergePartitive, mergePlaceOf } from "./scoped.js";
import { attachThresholdPartners } from "./threshold-partners.js";
import { readPopulations } from "./phrases.js";
import { splitSynapseSuperlative } from "./synapse-superlative.js";
import { oneRoot, withPointedId } from "./pointed-id.js";
import { absorbRestatements } from "./restate.js";
import { readAgain } from "./read-again.js";
import { rootSetAside } from "./root-set-aside.js";
import { readRoles } from "./roles.js";
import { markCounted } from "./counted.js";
import { tokenize } from "./tokens.js";
import { whyImpossible } from "./impossible-plans.js";
import { ownSuperlative, superlativeOfItsOwn } from "./superlative-own.js";
import { twoQuestions } from "./two-questions.js";

/**
 * Claims held to the plan wherever they are said (claims.ts): "feedforward", "feedback" (a direction
 * between areas); "one number", "one row each" (a grouped answer or not: "avg synapse size for each pre type
 * one number" had been answered per type, "one number" read as function words).
 */
const SAID_ANYWHERE: [RegExp, Claim][] = [
  [/\b(?:feed-?\s?f[a-z]*rd|bottom-up)\b|\(ff\)/i, "feedforward"],
  [/\b(?:feed-?\s?back|top-down)\b|\(fb\)/i, "feedback"],
  [/\b(?:one|a single)\s+(?:number|total|figure|value)\b(?!\s+(?:each|per|for|of)\b)/i, "single"],
  // (Not "one row per nucleus": each cell once, not a grouping.)
  [
    /\bone\s+(?:row|number|value|figure)\s+(?:each|per\s+(?!(?:nucleus|cell|neuron|root)\b)\w+|for\s+each)\b/i,
    "groups",
  ],
];
/** "…? just the ids pls": only ids asked for, wherever it is said. */
const IDS_ONLY = /\b(?:(?:just|only)\s+(?:the|their)\s+(?:root\s+)?ids|(?:root\s+)?ids\s+only)\b/i;

/**
 * The offline reader: a question's words → a plan, by a lexicon and a small grammar, no model and
 * no network. It answers only when every word was read (or is a function word); otherwise it asks
 * back, naming the words it did not understand and offering the reading without them.
 */
export class OfflineReader {
  readonly lexicon: Lexicon;

  constructor(
    readonly vocabulary: Vocabulary,
    lexicon?: Lexicon,
  ) {
    this.lexicon = lexicon ?? Lexicon.load();
  }

  async plan(question: string, lastPlan?: QueryPlan): Promise<PlannerResult> {
    // (Citations blanked: "Song et al., 2005" is an author, not a request for a song.)
    const injection = checkSafety(maskSources(question), true, true);
    if (injection.refuse) return { type: "refuse", reason: injection.reason };
    let prepared = prepare(question);
    if (!lastPlan && continuesAnother(prepared.text)) {
      return {
        type: "clarify",
        message:
          "That reads as a follow-up, and there is no earlier question here to follow. " + "Please ask it in full.",
        suggestions: [],
      };
    }
    // (Each rule below reads a part or a rewording of the question afresh, with the same earlier plan.)
    const reread = (q: string) => this.planPrepared(prepare(q).text, lastPlan);
    // ("which types have more than 100 cells": the measure per group, and the groups past the bound.)
    const readWhole = async (text: string) =>
      (await groupsKeptByBound(text, reread)) ?? (await this.planPrepared(text, lastPlan));
    let result = await readWhole(prepared.text);
    let withRemarks: Prepared | undefined; // (prepared once, for both second readings below)
    const remarksSetAside = () => (withRemarks ??= prepare(question, { remarks: true }));
    // Asked back: read again with the remarks said in passing set aside (see remarks.ts). (Not when the plan
    // check refuses the first reading: a second reading that sets words aside had then answered another question.)
    if (result.type === "clarify") {
      const again = remarksSetAside();
      // ("Which BCs send more than 40% of their outputs onto 23P? Thanks.": read as the first reading was.)
      const second = again.text !== prepared.text ? await readWhole(again.text) : undefined;
      if (second?.type === "plan") [prepared, result] = [again, second];
    }
    result = await readAgain(question, result, reread);
    // ("Which BCs send more than 40% of their outputs onto 23P? list the root ids.": again, without the remarks.)
    if (result.type === "clarify") {
      const again = remarksSetAside();
      const second = again.text !== question.trim() ? await readAgain(again.text, result, reread) : undefined;
      if (second?.type === "plan") [prepared, result] = [again, second];
    }
    result = await rootSetAside(prepared, result, reread);
    const denied = result.type === "plan" && countsWhatWasDenied(result.plan, prepared.notCounted ?? []);
    if (denied) result = deniedBack(denied, result);
    // (Claims said in what was set aside as context are held to the plan too: "… ? by soma depth.")
    // ("…? just the ids pls": only ids asked for, wherever it is said.)
    const idsOnly = IDS_ONLY.test(question) ? (["ids"] as const) : [];
    // (Not in what the asker will do later: "… ? feedback next wk".)
    const heard = prepared.context.filter(saidForLater).reduce((q, x) => q.replace(x, " "), question);
    const anywhere = SAID_ANYWHERE.filter(([re]) => re.test(heard)).map(([, c]) => c);
    const claims = [...(prepared.claims ?? []), ...prepared.context.flatMap(claimsIn), ...idsOnly, ...anywhere];
    const broken = result.type === "plan" ? brokenClaim(result.plan, claims) : undefined;
    if (broken) result = claimBack(broken, result);
    if (result.type === "plan") result = { ...result, plan: labelledAsAsked(result.plan, prepared.context) };
    if (!prepared.context.length || result.type === "refuse") return result;
    return { ...result, reading: { used: [], unaccounted: [], ...result.reading, context: prepared.context } };
  }

  /** A question read on its own, or after an earlier plan (its pronoun pointing at that plan's root). */
  private readAfter(q: string, last?: QueryPlan): PlannerResult {
    const tagged = tagItems(tokenize(q), this.lexicon, this.vocabulary);
    const pointed = withPointedId(q, tagged, last);
    return this.read(pointed ? tagItems(tokenize(pointed), this.lexicon, this.vocabulary) : tagged, false, last);
  }

  private async planPrepared(question: string, lastPlan?: QueryPlan): Promise<PlannerResult> {
    const items = tagItems(tokenize(question), this.lexicon, this.vocabulary);
    // Anything the lexicon knows as data (a name, an id, "synapses", "size") puts the question on topic.
    const namesSomething = items.some((i) =>
      i.tags.some((t) => ["val", "id", "flag", "cutid", "badid", "noun", "qty", "angle", "liketolike"].includes(t.t)),
    );
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
    if (result.type === "clarify" && result.reading?.unaccounted.length)
      return this.offerWithout(question, result, items);
    return result;
  }

  /** Reads a question with no conversation around it (for suggestions and follow-ups). */
  readOnce(question: string): PlannerResult {
    return this.read(tagItems(tokenize(prepare(question).text), this.lexicon, this.vocabulary));
  }

  private read(items: Item[], splitQuestions = true, lastPlan?: QueryPlan): PlannerResult {
    const problem = badIds(items);
    if (problem) return { type: "clarify", message: problem, suggestions: [] };
    const two = splitQuestions ? twoQuestions(items, (q, last) => this.readAfter(q, last)) : undefined;
    // (A first question whose answer is the first row of the second's, or that the second says more precisely: the
    // second is read alone, after the first.)
    if (two && !Array.isArray(two)) return this.readAfter(two.one, two.after);
    if (two)
      return {
        type: "clarify",
        message: `That is two questions in one; I answer one at a time. Ask "${two[0]}" and then "${two[1]}".`,
        suggestions: two,
      };
    let plan: QueryPlan;
    try {
      let atoms: Atom[] = items.map(atomOf);
      atoms = readComparatives(rankedBy(readNumbers(readSenses(atoms))));
      atoms = attachThresholdPartners(
        mergePartitive(
          mergePlaceOf(mergeAppositions(mergeLists(mergeDistinct(splitSynapseSuperlative(readPopulations(atoms)))))),
        ),
      );
      atoms = mergePredicates(attachRelatives(mergePartnerKinds(atoms)));
      markCounted(atoms);
      plan = compose(new Clause(atoms, readRoles(atoms), (t) => this.vocabulary.classOf(t)));
    } catch (e) {
      // (Said of the whole question, not of words left over: nothing to offer without them.)
      if (e instanceof Unreadable && !items.some((i) => i.used)) items.forEach((i) => (i.used = true));
      if (e instanceof Unreadable)
        return {
          type: "clarify",
          message: withUnknown(e.message, items),
          suggestions: e.suggestions,
          reading: account(items),
        };
      throw e;
    }
    absorbRestatements(items, plan);
    // "their mean volume": the cells the question names, or else those of the last question.
    const pointing = anaphors(items);
    if (pointing.length && resolvedWithin(items, plan)) pointing.forEach((i) => (i.used = true));
    else if (pointing.length && lastPlan) {
      const carried = carryPopulation(plan, lastPlan, pointing);
      if (carried) {
        plan = carried;
        pointing.forEach((i) => (i.used = true));
      }
    }
    const reading = account(items);
    const dropped = droppedKind(items, plan);
    if (dropped) {
      const message = `I read "${dropped}" but could not keep it in my reading; please rephrase.`;
      return { type: "clarify", message, suggestions: [], reading };
    }
    const own = superlativeOfItsOwn(items, plan);
    if (own) return { type: "clarify", message: ownSuperlative(own), suggestions: [], reading };
    const impossible = whyImpossible(plan);
    if (impossible) return { type: "clarify", message: impossible, suggestions: [], reading };
    if (reading.unaccounted.length === 1 && /^(or|either)$/i.test(reading.unaccounted[0]!)) {
      return {
        type: "clarify",
        message: 'I combine conditions only with "and", not "or"; ask about each condition on its own.',
        suggestions: [],
        reading,
      };
    }
    if (reading.unaccounted.length) {
      return {
        type: "clarify",
        message: `I did not understand ${quoteList(reading.unaccounted)} in your question.`,
        suggestions: [],
        reading,
      };
    }
    const parsed = QueryPlan.safeParse(plan);
    if (!parsed.success) {
      return {
        type: "clarify",
        message: `I could not read that into a query (${parsed.error.issues[0]?.message}); please rephrase.`,
        suggestions: [],
        reading,
      };
    }
    return { type: "plan", plan: parsed.data, confidence: 0.9, reading };
  }

  /** Asks back naming the words not understood, offering the question without them when that reads. */
  private offerWithout(
    question: string,
    result: Extract<PlannerResult, { type: "clarify" }>,
    items: Item[],
  ): PlannerResult {
    const leftover = result.reading!.unaccounted;
    // (A word the lexicon knows, left over where it stands: "sorted by depth" when the rows are ranked by count.)
    const known = leftover.every((w) => items.some((i) => i.text.toLowerCase() === w.toLowerCase() && i.tags.length));
    // (Without its "or", a question would read as "and": never offered.)
    if (leftover.some((w) => /^(or|either)$/i.test(w))) return result;
    let rest = question;
    for (const words of leftover)
      rest = rest.replace(
        new RegExp(`\\s*\\b(in|with|of|for|from|at|during|on|by)?\\s*(the\\s+)?${escape(words)}\\b`, "i"),
        "",
      );
    rest = rest
      .replace(/\s+([?.!])/, "$1")
      .replace(/\s{2,}/g, " ")
      .trim();
    const without = rest !== question && rest.length > 3 ? this.readOnce(rest) : undefined;
    if (without?.type === "plan") {
      return {
        ...result,
        message:
          `${result.message} ` +
          (known
            ? `I know ${quoteList(leftover)} but could not fit it into this question; `
            : `The tables hold nothing I can match to ${quoteList(leftover)}; `) +
          `without it the question reads "${rest}".`,
        suggestions: [rest],
      };
    }
    return result;
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");

export type { Reading };

/**
 * An ask-back names the words the lexicon does not know at all, whatever else it asks ("which types have more
 * than 50 cells with a myelinated axon": the threshold was asked about, and "myelinated" never named).
 */
function withUnknown(message: string, items: Item[]): string {
  const unknown = items.filter((i) => !i.fn && !i.tags.length && /[a-z]{3,}/i.test(i.text)).map((i) => i.text);
  const named = unknown.filter((w) => !message.toLowerCase().includes(w.toLowerCase()));
  return named.length ? `${message} (I also do not know ${quoteList(named)}.)` : message;
}
