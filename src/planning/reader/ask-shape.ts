import { sourceSubject } from "./citations.js";
import type { Discourse } from "./discourse-data.js";
import { onlyFunctionWords, opensWithAskNoun } from "./words.js";

/**
 * The shape of a sentence: does it ask (a question, a request, an order, a bare "histogram of …"),
 * and if not, is it a statement of fact or the asker speaking of themselves?
 */

const at = (re: RegExp, text: string) => new RegExp(`^\\s*(?:${re.source})`, "i").test(text);
const within = (re: RegExp, text: string) => re.test(text);

/** Opens like an ask: a question word, an auxiliary, an order, a request, or a figure asked for. */
export function opensAsk(text: string, d: Discourse): boolean {
  const t = text.replace(/^[\s,;:–—-]+/, "");
  return at(d.askStart, t) || at(d.request, t) || at(d.politeness, t) || opensWithAskNoun(t);
}

/** Opens with a question word, an auxiliary or an order (not "I want …", which may lead in to the ask). */
export function opensQuestion(text: string, d: Discourse): boolean {
  return at(d.askStart, text.replace(/^[\s,;:–—-]+/, ""));
}

/**
 * The sentence asks: it has a question mark, opens like an ask, or holds a request anywhere ("…
 * and I'd like to know how far …"). A bare noun phrase ("Box plot of nucleus volume by type.")
 * asks when it has no verb; "Connection probabilities are typically ~10%" states.
 */
export function asks(sentence: string, d: Discourse): boolean {
  if (sentence.includes("?")) return true;
  const t = sentence.replace(/^[\s,;:–—-]+/, "");
  if (at(d.askStart, t) || at(d.request, t) || within(d.politeness, t) || within(d.request, t)) return true;
  return opensWithAskNoun(t) && !within(d.verb, t);
}

/**
 * The asker says what they expect or why they ask ("I read somewhere that MCs like the deep layers",
 * "I'm guessing mostly 23P"): like a statement of fact it describes, and does not select.
 */
export function statesHypothesis(typed: string, d: Discourse): boolean {
  // ("Hey, I'm hunting for an example cell …": after a greeting.)
  const sentence = typed.slice(functionLead(typed));
  // (After a short header: "Sanity check - a paper I'm reading says …".)
  const led = /^\s*(?:\S+\s+){0,3}\S+\s+[–—-]\s+|^\s*(?:\S+\s+){0,3}\S+:\s+/.exec(sentence);
  const says = (t: string) => at(d.hypothesis, t.replace(/^[\s,;:–—-]+/, ""));
  // ("… in Neuroglancer this afternoon": a time said with "this" points at no cells.)
  const pointing = within(d.deictic, sentence.replace(TIMES_WITH_THIS, " "));
  return (says(sentence) || (led !== null && says(sentence.slice(led[0].length)))) && !pointing;
}

const TIMES_WITH_THIS = /\bthis\s+(?:afternoon|morning|evening|week|weekend|month|year|semester|term|summer)\b/gi;

/** A hypothesis that says what the asker is looking at ("I'm looking at the L5 cells"): its names may be the topic. */
export function statesTopic(sentence: string, d: Discourse): boolean {
  return at(d.topic, sentence.replace(/^[\s,;:–—-]+/, ""));
}

/** The asker speaks of themselves ("I'm new to …", "we show …"): held to the strict checks. */
export function personal(text: string, d: Discourse): boolean {
  return within(d.firstPerson, text);
}

/**
 * A statement of fact: a verb, no first person (or a source as subject: "Table S2 lists …"), and
 * nothing that points at this question or this data ("here", "these cells", "below"): "All cells
 * here are from layer 4" speaks of what is asked, not of the world.
 */
export function statesFact(sentence: string, d: Discourse): boolean {
  if (personal(sentence, d) || within(d.deictic, sentence)) return false;
  return sourceSubject(sentence) || within(d.verb, sentence);
}

/** The length of a lead of function words only, before a comma or a stop ("Hi, ", "Hey all, ", "OK so, "). */
export function functionLead(text: string): number {
  const m = /^\s*((?:[A-Za-z']+\s+){0,2}[A-Za-z']+)\s*[,!:;–—-]+\s*/.exec(text);
  return m && onlyFunctionWords(m[1]!) ? m[0].length : 0;
}
