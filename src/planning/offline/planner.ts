import type { CellClass, DistributionPlan, PlannerResult, Population, QueryPlan, SynapseGroup, SynapsePlan } from "../plan.js";
import type { Term, Vocabulary } from "../vocabulary/vocabulary.js";
import { findMentions, tokenize, unknownNames, type Mention, type Token } from "./mentions.js";
import { checkSafety } from "./safety.js";
import { applyFollowUp } from "./follow-ups.js";

/**
 * The offline planner: reads a question with rules over its words and the cell-type vocabulary,
 * no model and no network. It returns a plan only when every part of the question was read;
 * otherwise it asks back (an unknown or ambiguous name, a question it cannot express).
 */
export class OfflinePlanner {
  constructor(private readonly vocabulary: Vocabulary) {}

  async plan(question: string, lastPlan?: QueryPlan): Promise<PlannerResult> {
    const tokens = tokenize(question);
    const mentions = findMentions(tokens, this.vocabulary);
    // Writes and instructions are refused before anything else is read.
    const injection = checkSafety(question, true, true);
    if (injection.refuse) return { type: "refuse", reason: injection.reason };

    // Names that look like cell types but are not in the vocabulary: a typo ("astrocites") is read
    // as the name it is close to; anything else is asked back, after the off-topic check below.
    let unknownName: PlannerResult | undefined;
    for (const unknown of unknownNames(tokens, mentions)) {
      const near = await this.vocabulary.nearest(unknown.text, 3);
      const best = near[0];
      const second = near.find((m) => describe(m.term) !== describe(best!.term));
      if (best && best.score >= 0.6 && (!second || best.score - second.score >= 0.12) && best.term.kind !== "ambiguous") {
        mentions.push({ kind: "term", term: best.term, start: unknown.start, end: unknown.start + unknown.text.split(" ").length, text: unknown.text });
      } else if (!unknownName) {
        const options = near.filter((m) => m.score >= 0.3 && m.term.kind !== "ambiguous").map((m) => describe(m.term));
        unknownName = {
          type: "clarify",
          message: `I don't know a cell type called "${unknown.text}".${options.length ? ` Did you mean ${orList(options)}?` : ""} Known cell types: ${this.vocabulary.file.cellTypes.map((c) => c.value).join(", ")}.`,
          suggestions: options,
        };
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    const q = new Question(question, tokens, mentions, this.vocabulary);

    // A follow-up ("only the top 3", "what about inputs?") with nothing to follow.
    if (!lastPlan && isFollowUpFragment(q)) {
      return { type: "clarify", message: "That reads as a follow-up, but there is no earlier question in this conversation. Ask the whole question, e.g. \"top 3 inputs to 864691135…\".", suggestions: [] };
    }
    // Off-topic is judged after follow-ups: "only the top 3" names nothing but continues a thread.
    const safety = checkSafety(question, mentions.length > 0, lastPlan !== undefined);
    if (safety.refuse) return { type: "refuse", reason: safety.reason };
    if (unknownName) return unknownName;

    const ambiguous = mentions.find((m) => m.kind === "term" && m.term.kind === "ambiguous");
    if (ambiguous && ambiguous.kind === "term" && ambiguous.term.kind === "ambiguous") {
      const options = ambiguous.term.options.map((o) => `${o} (${this.vocabulary.cellTypeLabel(o)})`);
      return { type: "clarify", message: `"${ambiguous.text}" could mean ${orList(options)}. Which one?`, suggestions: ambiguous.term.options };
    }
    const unsupported = notExpressible(q);
    if (unsupported) return { type: "clarify", message: unsupported, suggestions: [] };

    if (lastPlan) {
      // A complete new question in a thread is read as new; a fragment or a pointer ("that", "its") continues the last one.
      if (!isNewQuestion(q)) {
        const followUp = applyFollowUp(q, lastPlan);
        if (followUp) return followUp;
      }
      // "Where are they?", "and their nucleus volumes?": a new question about the last answer's cells.
      const pointsBack = q.mentions.length === 0 && q.has(/\b(they|them|their|those|these|theirs)\b/);
      const carried = pointsBack ? cellsOf(lastPlan) : undefined;
      if (carried) {
        const result = readQuestion(q);
        if (result.type === "plan" && "population" in result.plan && isEmpty(result.plan.population as Population)) {
          return { ...result, plan: { ...result.plan, population: carried } as QueryPlan };
        }
      } else if (pointsBack && checkSafety(question, false).refuse && !checkSafety(question, true).refuse) {
        // Off-topic only for naming nothing, after an answer not about one group of cells (synapses
        // between two, a lookup): ask which cells.
        return { type: "clarify", message: "Which cells do you mean? The last answer was not about one group of cells; name them, e.g. \"where are the basket cells?\".", suggestions: [] };
      }
      const topic = checkSafety(question, mentions.length > 0);
      if (topic.refuse) return { type: "refuse", reason: topic.reason };
    }
    return readQuestion(q);
  }
}

/** Words that start or make up a follow-up. */
const FOLLOW_UP_LEAD = /^\s*(and|what about|how about|same for|same but|now|only|just|also|instead|but|ok|okay|then|show (it|that|them) as|plot (that|it|this|them)|as an? (bar|box|histogram|heat ?map|chart|plot|scatter))\b/i;
const DEICTIC = /\b(that|it|its|this|those|these|them|same|previous|last|above)\b/;

/** "only the top 3", "what about inputs?", "plot that", "per cell type": a question that needs an earlier one. */
function isFollowUpFragment(q: Question): boolean {
  if (q.mentions.length) return false;
  const t = q.text.trim().toLowerCase();
  return /^(and |what about |how about |same |only |just |now |instead |then )/.test(t)
    || /^((show|give|list)( me)? )?(the )?(top|first) \d+\s*[?.!]*$/.test(t)
    || /^(plot|chart|graph|draw|visuali[sz]e) (that|it|this|them)\b/.test(t)
    || /^(per|by|for each) (cell )?(type|class|m-?type)s?\s*[?.!]*$/.test(t);
}

/**
 * Whether a question in a thread stands on its own: it has no lead word ("and", "what about"...), points
 * at nothing earlier ("that", "its"), and says what it asks beyond the names it gives
 * ("nucleus volume of 8646...", "How many MC cells are there?"), not just a name ("23P?").
 */
/** The cells a plan is about, when it is about one population of cells. */
function cellsOf(plan: QueryPlan): Population | undefined {
  return "population" in plan && !isEmpty(plan.population as Population) ? (plan.population as Population) : undefined;
}

function isNewQuestion(q: Question): boolean {
  if (FOLLOW_UP_LEAD.test(q.text) || q.has(DEICTIC) || isFollowUpFragment(q)) return false;
  const filler = /^(the|a|an|of|for|to|onto|from|in|on|cells?|neurons?|types?|please|\?|only|top|first|\d+)$/;
  const content = q.tokens.filter((t) => !q.mentions.some((m) => t.index >= m.start && t.index < m.end) && !filler.test(t.lower));
  return content.length > 0;
}

/**
 * "How many synapses does the average 23P cell receive?", "average number of output synapses per
 * basket cell": a per-neuron synapse count, averaged over the cells of a population. (Partners per
 * neuron, and types ranked by it, are not.)
 */
const AVERAGE_PER_NEURON = /\bon average\b|\baverage number of\b|\bper (neuron|cell)\b(?! (types?|class))|\bmean number of\b/;
const PER_NEURON = new RegExp(`${AVERAGE_PER_NEURON.source}|\\bthe (average|typical|mean) (\\S+ ){0,3}(neuron|cell)\\b(?! (types?|class))`);
/** Averages of sizes, or distributions and plots: not a per-neuron count. */
const SIZE_OR_PLOT = /\bsize|\bdistribution\b|\bhistogram\b|\bplot\b|\b(largest|biggest|smallest|strongest|weakest|stronger|larger)\b/;
function perNeuronSynapses(q: Question): boolean {
  return q.has(PER_NEURON) && q.has(/\b(synap\w*|inputs?|outputs?)\b/) && !q.has(/\b(partners?|contacts?|contact|connect\w*|targets?|neurons (do|does)|cells (do|does))\b/)
    && !q.has(/\b(which|what) (\S+ )?(cell )?(types?|class(es)?)\b/)
    && !q.has(SIZE_OR_PLOT)
    // "per one of them": whose, the previous answer says; not read here as all cells.
    && !q.has(/\b(them|they|those|these)\b/) && q.roots.length === 0
    // "synapses per 23P neuron from basket cells": a flow between two populations, averaged per
    // target, which is not a per-neuron total.
    && new Set(q.mentions.flatMap((m) => (m.kind === "term" && m.term.kind !== "ambiguous" ? [m.term.value] : []))).size <= 1;
}

const NEGATION = /\b(not|no|without|except|excluding|besides|lacking|never|none)\b|\b(don|doesn|isn|aren|didn|haven|hasn|weren|wasn)\s+t\b|\bother than\b/;

/**
 * "How many cells are not neurons?", "basket cells without coregistration": a negation outside the
 * names, which no plan holds; read without it, the count would be of the opposite.
 */
function unreadNegation(q: Question): boolean {
  const words = q.outsideNames
    .replace(/^\s*no\b/, " ") // "No, I meant basket cells": a correction, not a negation
    .replace(/\bor not\b/g, " "); // "connected or not"
  if (!NEGATION.test(words)) return false;
  // Read by the proofreading questions: "an axon that is not proofread".
  return !q.has(/\b(not |un)[- ]?proofread\w* (axons?|dendrites?)\b|\b(axons?|dendrites?) (that |which )?(is |are )?not proofread/);
}

/** Questions about things these tables do not hold, or that the plan language cannot express: said plainly, never a number. */
function notExpressible(q: Question): string | undefined {
  const data = "The store holds cells and their types, nucleus volumes and soma positions, synapses (with sizes), proofreading status and coregistration; ";
  if (q.has(/\b(firing|spik\w*|activity|tuning|tuned|orientation|direction selectiv\w*|receptive fields?|responses?|osi|dsi|calcium traces?|dff|preferred (orientation|direction))\b/)) {
    return `${data}functional responses (tuning, firing, activity) are not among the tables I can answer from. I can say which cells are coregistered to two-photon units.`;
  }
  if (q.has(/\b(types?|class(es)?|m-?types?) (have|has|with|having) (more|fewer|less|over|under|above|below|at least|at most)( than)? \d/)) {
    return "Picking out types by how many cells they have is not something I can read yet. Ask for the count of every type (\"how many cells of each type?\"), ranked (\"which 5 cell types have the most cells?\").";
  }
  if (q.has(/\bsynap/) && q.has(/\b(onto|on|to|at|in) (the |their |its )?(dendrites?|dendritic shafts?|shafts?|spines?|somata|soma|cell bod(y|ies)|axon initial segments?|ais|apical|basal)\b/) && !q.has(/\bproofread/)) {
    return `${data}not which compartment a synapse is on (dendrite, spine, soma): the synapse table has its position and size only. I can count or size synapses between cells or types.`;
  }
  if (q.has(/\b(axon|axonal|dendrit\w*|cable|path|skeleton) (lengths?|lengths)\b|\blength of (the )?(axons?|dendrites?)\b|\bspines?\b|\bboutons?\b|\bmesh(es)?\b|\bskeletons?\b/)) {
    return `${data}morphology (lengths, spines, skeletons) is not. Ask about synapse counts or sizes instead.`;
  }
  if (q.has(AVERAGE_PER_NEURON) && q.has(/\b(synap\w*|partners?|contacts?|contact|connect\w*|inputs?|outputs?|targets?)\b/) && !q.has(SIZE_OR_PLOT) && !perNeuronSynapses(q)) {
    return "Averages per neuron (synapses or partners per cell of a type) are not something I can compute yet. I can give totals for a type, a neuron's own counts, or rank neurons (\"which BC neurons have the most outputs\").";
  }
  if (q.has(/\b(more|fewer|less|greater|bigger|larger|smaller|over|under|above|below|at least|at most)( than)? \d[\d,.]* (\w+ )?(synapses|inputs|outputs|partners|connections|contacts|targets)\b/) && q.has(/\b(how many|number of|count|which|list)\b/) && q.has(/\b(neurons|cells)\b/)) {
    return "Counting neurons by a threshold on their own synapse or partner counts is not something I can compute yet. I can rank neurons (\"which 10 BC neurons have the most outputs\") or give one neuron's counts.";
  }
  if (q.has(/\b(bigger|larger|smaller|greater|more|less|over|under|above|below|at least|at most)( than)? \d[\d,.]*\s*(cubic|µm|um|microns?|µm3|um3|µm³)/) || (q.has(/\bnucle(us|i)\b/) && q.has(/\b(bigger|larger|smaller|greater) than \d/))) {
    return "Filtering cells by a nucleus-volume threshold is not something I can compute yet. I can give volume statistics (mean, median, largest) per type, or plot their distribution.";
  }
  const statistic = /\b(std|standard deviation|variance|mode|modal|skew(ness)?|kurtosis|(\d{1,2})(st|nd|rd|th) percentile|geometric mean|coefficient of variation)\b/.exec(q.lower);
  if (statistic && !/\b(25th|50th|75th)\b/.test(statistic[0])) {
    return `The ${statistic[0]} is not among the statistics I compute yet: I give the count, sum, mean, median, quartiles (25th and 75th percentiles), smallest and largest, and histograms.`;
  }
  // "How many 5P-ET neurons are there, and how many are proofread?": answering one part would drop the other.
  const second = /^(.*?\S)\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+)((?:how many|how much|what|which|where|who|is|are|does|do)\b.*)$/i.exec(q.text);
  // (The second part must have a verb of its own: ", and how many synapses each?" only says what to count.)
  if (second && /^\s*(how|what|which|where|who|is|are|does|do|tell|list|show|give)\b/i.test(q.text) && second[1]!.split(/\s+/).length >= 3
    && /\s(are|is|was|were|do|does|did|have|has|make|makes|receive|receives|send|sends|get|gets|target|targets|project|projects)\b/i.test(second[2]!)) {
    return `That is two questions in one; I answer one at a time. Ask "${second[1]!.replace(/[,;]$/, "")}?" and then "${second[2]!.replace(/\?*$/, "?")}"`;
  }
  if (q.has(/\b(list|show( me)?|give( me)?|which are|what are)( the| all)?( \w+)?( \d+)? synapses\b|\b(biggest|largest|smallest|strongest|weakest)( \d+)? synapses\b/) && !q.has(/\b(how many|number of|count|fraction|percent\w*|proportion|distribution|histogram|plot|chart|sizes?|average|mean|median|types?|class(es)?)\b/)) {
    return "Listing individual synapses (their ids and positions) is not something I do yet. I can count them, give their sizes (largest, median, distribution), or rank a neuron's partners by synapse count.";
  }
  const cut = q.tokens.find((t) => /^864691\d{0,8}$/.test(t.text));
  if (cut) {
    return `${cut.text} looks like the start of a root id, but root ids have 18 digits (864691135…); give the whole id.`;
  }
  if (q.has(/\b(common|shared|mutual) (\w+ )?(partners?|inputs?|outputs?|targets?|sources?)\b|\bpartners? (in common|they share)\b/)) {
    return "Partners two neurons share is not something I compute yet. I can list each neuron's partners (\"top 10 outputs of 8646…\"), or say whether the two connect.";
  }
  if (unreadNegation(q)) {
    return "I can't read a negation (not, without, except) into a query yet, and without it I would count the opposite. Ask for the group itself (for example \"how many non-neuronal cells?\" or \"how many neurons have an unproofread axon?\"), or use the sql command.";
  }
  // "Nuclei with no root id", "cells without a cell type", "roots with more than one nucleus": the
  // qualifier is the question; counting without it would answer another one.
  if (q.has(/\b(no|without|lacking|missing|zero|more than one|multiple|several|two or more|2 or more) (\w+ ){0,2}(root ids?|roots?|nucle(i|us)|cell types?|types?|segments?|somas?|somata)\b|\broot id (of )?0\b/)
    && q.has(/\b(how many|number of|count|which|list)\b/) && !q.has(/\bsynap/)) {
    return `${data}counting cells or nuclei by a missing or repeated attribute (no cell type, root id 0, several nuclei on one root) is not something I can read yet. The sql command answers it: connectome-chat sql --db FILE "SELECT count(*) FROM nucleus WHERE pt_root_id = 0".`;
  }
  if (q.has(/\bpairs?\b/) && q.has(/\b(connected|connect|wired)\b/) && q.terms.length >= 1 && q.roots.length < 2) {
    return "Counting connected pairs of cells between types is not something I can compute yet. I can count synapses between the types, or the distinct partners of one neuron.";
  }
  return undefined;
}

const describe = (t: Term): string => (t.kind === "ambiguous" ? t.options.join("/") : `${t.value} (${t.label})`);
export const orList = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`);

/** The question with its words, mentions and the cues the rules look at. */
export class Question {
  readonly lower: string;
  constructor(
    readonly text: string,
    readonly tokens: Token[],
    readonly mentions: Mention[],
    readonly vocabulary: Vocabulary,
  ) {
    // "in the volume", "in the dataset": where, not what ("how many 23P cells are in the volume").
    this.lower = ` ${tokens.map((t) => t.lower).join(" ")} `.replace(/ (in|within|across|throughout|of) (the|this) (whole |entire |em |imaged |microns )?(volume|dataset|data ?set|data|cube|mm3) /g, " ");
    const inTerm = new Set(mentions.flatMap((m) => (m.kind === "term" ? Array.from({ length: m.end - m.start }, (_, k) => m.start + k) : [])));
    this.outsideNames = ` ${tokens.filter((t) => !inTerm.has(t.index)).map((t) => t.lower).join(" ")} `;
  }

  /** The words that are not part of a cell-type name ("near projecting cells" is a name, not a projection). */
  readonly outsideNames: string;

  /** Whether the words outside cell-type names match. */
  hasOutside(re: RegExp): boolean {
    return re.test(this.outsideNames);
  }

  has(re: RegExp): boolean {
    return re.test(this.lower);
  }

  /** Words just before a mention (up to n), lower case. */
  before(m: Mention, n = 3): string {
    return this.tokens.slice(Math.max(0, m.start - n), m.start).map((t) => t.lower).join(" ");
  }

  after(m: Mention, n = 3): string {
    return this.tokens.slice(m.end, m.end + n).map((t) => t.lower).join(" ");
  }

  get roots() {
    return this.mentions.filter((m): m is Extract<Mention, { kind: "root" }> => m.kind === "root");
  }

  get nuclei() {
    return this.mentions.filter((m): m is Extract<Mention, { kind: "nucleus" }> => m.kind === "nucleus");
  }

  get terms() {
    return this.mentions.filter((m): m is Extract<Mention, { kind: "term" }> => m.kind === "term");
  }

  /** A number written in the question for top-k ("top 5", "5 largest", "which 3 ... neurons"). */
  topK(): number | undefined {
    const m = /\b(?:top|first|best|largest|biggest|strongest|main|leading)\s+(\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|twenty)\b/.exec(this.lower)
      ?? /\b(?:which|what|the|list|show|give me|name)\s+(\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|twenty)\b(?!\s*(?:µm|um|nm|voxels?))/.exec(this.lower)
      ?? /\b(\d{1,4})\s+(?:strongest|largest|biggest|top|most|main|best)\b/.exec(this.lower);
    if (!m) return undefined;
    return wordNumber(m[1]!);
  }
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20 };
const wordNumber = (w: string) => NUMBER_WORDS[w] ?? Number(w);

// ---------------------------------------------------------------------------------------------
// Cues

const SYNAPSE_WORDS = /\b(synap\w*|connect\w*|inputs?|outputs?|partners?|targets?|targeting|targeted|innervat\w*|contacts?|presynaptic|postsynaptic|receives?|receiving|received|sends?|sending|sent|makes?|making|projects?|projecting|wiring|connectivity|upstream|downstream|afferents?|efferents?|onto|drives?)\b/;
const SIZE_WORDS = /\b(size|sizes|strength|weight|big|bigger|biggest|large|larger|largest|small|smaller|smallest|volume)\b/;
const CHART_WORDS = /\b(plot|chart|graph|histogram|heatmap|heat map|matrix|scatter|box ?plot|boxplot|visuali[sz]e|draw|figure|picture)\b/;
/** Asking for a distribution's summary numbers (quartiles, percentiles, a five-number summary). */
const STATISTICS_WORDS = /\b(quartiles?|percentiles?|interquartile|iqr|five[- ]number summary|summary statistics|statistics|stats)\b/;
const GROUP_BY_TYPE = /\b(each|every|per|by|all|different)\s+(\w+\s+)?(cell[- ]?|m-?)?(types?|class(es)?|kinds?|categor(y|ies))\b|\bbroken down by (cell )?types?\b|\bbreakdown\b|\bby type\b|\bwhich (cell )?types\b|\bwhat (cell )?types\b|\btypes? of (its|their|the) (partners|targets|inputs|outputs)\b/;
/** "How many m-types are there?", "list the cell types": the types themselves, with their counts. */
const TYPE_LIST = /\b(how many|number of|list|show|what|which)( all)?( the)?( \d+)?( different| distinct)? (cell[- ]?|m-?)?(types|class(es)?)\b/;
const CONNECTION_PROBABILITY = /\b(connection|connectivity|connecting|wiring|connected) (probabilit\w*|likelihood|rates?|chances?)\b|\b(probabilit\w*|likelihood|chances?) (of|that) (\S+ ){0,6}(connect\w*|synap\w*|wired)\b|\bhow (likely|probable) (\S+ ){0,8}(connect\w*|wired)\b/;

/** "Which cell type has the most neurons?", "which 3 m-types …". */
const TYPE_RANK = /\b(which|what)( \d+)?( (excitatory|inhibitory|neuronal|non-?neuronal|glial))? (cell[- ]?|m-?)?(types?|class(es)?)\b/;
const FRACTION_WORDS = /\b(fraction|proportion|percent(age)?|share|ratio)\b/;
/** "in layer 4", "in L2/3": where somata are, which the cell-type names must not swallow. */
const IN_LAYER = / (in|within|inside) (layer ?|l)(1|2\/3|2|3|4|5|6a|6b|6) /;
const PROOF_WORDS = /\b(proofread\w*|proof-read\w*|proofreading|extended|clean(ed)?|fully|partially|interareal)\b/;
const COREG_WORDS = /\b(coregist\w*|co-regist\w*|functional(ly)? (imaging|recordings?|data|properties|match\w*)|two[- ]photon|2p|calcium imaging|imaged|recorded|matched to)\b/;

function termPopulation(terms: Term[]): Population {
  const p: Population = {};
  for (const t of terms) {
    if (t.kind === "cell_type") p.cellTypes = [...(p.cellTypes ?? []), t.value];
    else if (t.kind === "mtype") p.mtypes = [...(p.mtypes ?? []), t.value];
    else if (t.kind === "class") p.classes = [...(p.classes ?? []), t.value as CellClass];
  }
  return p;
}

function mentionPopulation(mentions: Mention[]): Population {
  const p = termPopulation(mentions.flatMap((m) => (m.kind === "term" ? [m.term] : [])));
  const roots = mentions.flatMap((m) => (m.kind === "root" ? [m.id] : []));
  const nuclei = mentions.flatMap((m) => (m.kind === "nucleus" ? [m.id] : []));
  if (roots.length) p.rootIds = roots;
  if (nuclei.length) p.nucleusIds = nuclei;
  return p;
}

/** Cell classes alone ("neurons") narrow nothing for a type: drop "neuron" next to cell types. */
function tidy(p: Population): Population {
  const out = { ...p };
  if (out.classes && (out.cellTypes || out.mtypes)) {
    out.classes = out.classes.filter((c) => c !== "neuron");
    if (!out.classes.length) delete out.classes;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading

function readQuestion(q: Question): PlannerResult {
  const plan = readPlan(q);
  if ("type" in plan) return plan;
  return { type: "plan", plan, confidence: 0.9 };
}

type ReadResult = QueryPlan | Extract<PlannerResult, { type: "clarify" | "refuse" }>;

const clarify = (message: string, suggestions: string[] = []): ReadResult => ({ type: "clarify", message, suggestions });

function readPlan(q: Question): ReadResult {
  if (q.has(CHART_WORDS) || q.has(/\bdistribution\b/) || q.has(STATISTICS_WORDS)) {
    const chart = readChart(q);
    if (chart) return chart;
  }
  if (q.has(COREG_WORDS) && !q.has(/\bsynap/)) return readCoregistration(q);
  if (q.has(/\b(un|not[- ]?)?proofread\w*|proof-read|\bextended (axons?|dendrites?)\b|\b(axon|dendrite)s? (is |are )?(fully |partially )?(extended|clean)|\b(fully|partially) extended\b|\binterareal\b|\bclean(ed)? dendrites?\b|\bstrateg/)) return readProofreading(q);
  // "Mean size of the synapses from A to B": sizes between two neurons, not whether they connect.
  if (q.roots.length === 2 && q.has(SIZE_WORDS) && q.has(/\bsynap/)) return readSynapses(q);
  if (q.roots.length >= 2 && q.has(/\b(connect\w*|synap\w*|contact\w*|wired|linked|talk|input|output|partners?|target\w*|innervat\w*)\b/)) {
    return { kind: "pair", a: q.roots[0]!.id, b: q.roots[1]!.id };
  }
  const ids = [...q.roots, ...q.nuclei];
  if (ids.length === 1 && !q.hasOutside(SYNAPSE_WORDS)) return readLookup(q);
  if (perNeuronSynapses(q)) return readPerNeuron(q);
  // "How many 23P cells are in layer 4?": a place, not the 4P type; cells are not selected by layer yet.
  if (q.has(IN_LAYER) && !q.has(/\bsynap/)) {
    return clarify(
      "I can't select cells by the layer their soma is in yet: layers are depth ranges (data/cortex_geometry.json), not cell types. I can show where cells are with the layer boundaries marked: ask for the depth distribution of a type (\"depth distribution of 23P cells\") or where its cells are (\"where are the 23P cells?\").",
    );
  }
  // "Where are the Martinotti cells?", "soma positions of 5P-ET cells": a scatter, not a count.
  if (q.has(POSITION_WORDS) && !q.has(/\bsynap/)) return readPositions(q);
  if (q.has(/\b(nucleus|nuclear|soma) (volume|size)s?\b|\bvolume\b|\b(largest|biggest|smallest|big|large|small) (nuclei|nucleus|somata|soma)\b/) && !q.has(/\bsynap/)) return readVolume(q);
  if (q.has(/\bdepth\b|\bhow deep\b/) && !q.has(/\bsynap/)) return readDepth(q);
  if (q.hasOutside(SYNAPSE_WORDS) || q.has(/\bsize\b/)) return readSynapses(q);
  if (q.has(/\b(how many|number of|count|total|what (is the )?(number|count)|are there)\b/) || q.has(GROUP_BY_TYPE) || q.has(TYPE_LIST) || q.has(TYPE_RANK) || q.terms.length) return readCellCount(q);
  if (ids.length === 1) return readLookup(q);
  return clarify(
    "I couldn't read that as a question about the data. Try, for example: \"How many basket cells are there?\", \"top 5 inputs to 864691135…\", \"How many synapses go from BC to 23P?\", or \"plot the synapse size distribution\".",
  );
}

function readCellCount(q: Question): ReadResult {
  if (q.has(FRACTION_WORDS)) return readCellFraction(q);
  const population = tidy(mentionPopulation(q.mentions));
  const nuclei = q.has(/\bnucle(i|us|uses)\b/) && !population.cellTypes && !population.classes && !population.mtypes;
  // "Which cell type has the most neurons?": the types ranked by their count, not a list of neurons.
  const typeRank = q.has(TYPE_RANK) && q.has(/\b(most|fewest|least|largest|smallest|biggest|highest|lowest|more|fewer)\b/);
  // "How many 23P and 4P cells are there?", "compare BC and MC": a count for each, not their sum.
  const byType = q.has(GROUP_BY_TYPE) || q.has(TYPE_LIST) || typeRank || namesSeveralTypes(q, population);
  const groupBy = (q.has(/\bm-?types?\b/) || (population.mtypes && !population.cellTypes && !q.has(/\bcell[- ]types?\b/))) && byType ? ["mtype" as const]
    : q.has(/\b(each|every|per|by|all)\s+(cell\s+)?class(es)?\b|\bexcitatory (and|vs\.?|versus) inhibitory\b/) || (byType && q.has(/\bclass(es)?\b/)) ? ["class" as const]
    : byType ? ["cell_type" as const] : [];
  if (typeRank) {
    return {
      kind: "cells", subject: "cells", population, measure: "count", groupBy,
      order: q.has(/\b(fewest|least|smallest|lowest|fewer)\b/) ? "asc" : "desc",
      ...(q.has(/\b(which|what)( \d+)? (cell )?(types|classes|m-?types)\b/) ? (q.topK() ? { limit: q.topK() } : {}) : { limit: q.topK() ?? 1 }),
    };
  }
  const list = q.has(/\b(list|which|show me|give me|what are)\b.*\b(root ids?|ids|cells|neurons)\b/) && !q.has(/\bhow many|number|count\b/) && !groupBy.length;
  if (list && (population.cellTypes || population.mtypes || population.classes)) {
    return { kind: "cells", subject: "cells", population, measure: "list", groupBy: [], order: "natural", limit: q.topK() };
  }
  return {
    kind: "cells",
    subject: nuclei ? "nuclei" : "cells",
    population,
    measure: "count",
    groupBy,
    order: q.has(/\b(most|largest|biggest|rank|sorted|order)\b/) ? "desc" : "natural",
    chart: q.has(/\b(bar|plot|chart)\b/) ? "bar" : undefined,
  };
}

/**
 * What a synapse fraction is of. A fraction of the outputs of some cells onto any cell is always
 * 100%: "what percent of synapses are from inhibitory neurons?" is of the synapses on the other
 * side (all of them), and the same the other way round.
 */
function fractionBase(asked: "inputs" | "outputs", pre: Population, post: Population): "inputs" | "outputs" {
  if (asked === "outputs" && isEmpty(post) && !isEmpty(pre)) return "inputs";
  if (asked === "inputs" && isEmpty(pre) && !isEmpty(post)) return "outputs";
  return asked;
}

/** "How many 23P and 4P cells?", "compare BC and MC": a figure for each type named, not one for them all. */
function namesSeveralTypes(q: Question, population: Population): boolean {
  return Math.max(population.cellTypes?.length ?? 0, population.mtypes?.length ?? 0) >= 2 && q.has(/\b(and|compare\w*|vs\.?|versus|each)\b/) && !q.has(/\bor\b/);
}

/** Synapses per neuron of a population: the mean (and median, quartiles) of in- or out-degree. */
function readPerNeuron(q: Question): ReadResult {
  const inputs = q.has(/\b(receive[sd]?|receiving|inputs?|incoming|afferent|gets?|onto)\b/);
  const outputs = q.has(/\b(make|makes|made|send|sends|outputs?|outgoing|efferent|forms?)\b/);
  if (inputs === outputs) return clarify("Input or output synapses per neuron? For example: \"how many input synapses does the average 23P cell receive?\"");
  const population = tidy(mentionPopulation(q.mentions));
  return {
    kind: "distribution", variable: inputs ? "in_degree" : "out_degree", population, side: "pre",
    groupBy: q.has(GROUP_BY_TYPE) ? "cell_type" : "none", bins: 40, chart: "histogram", statistics: true,
  };
}

/**
 * "What fraction of neurons are inhibitory?": the whole is named between "of" and "are", the part
 * after it.
 */
function readCellFraction(q: Question): ReadResult {
  const of = q.tokens.findIndex((t) => t.lower === "of");
  const verb = q.tokens.findIndex((t, i) => i > of && /^(are|is|were)$/.test(t.lower));
  const example = "For example: \"what fraction of neurons are inhibitory?\" or \"what percentage of inhibitory neurons are basket cells?\"";
  if (of < 0 || verb < 0) return clarify(`A fraction of which cells, and which part of them? ${example}`);
  const whole = tidy(mentionPopulation(q.mentions.filter((m) => m.start > of && m.start < verb)));
  const part = tidy(mentionPopulation(q.mentions.filter((m) => m.start > verb)));
  if (isEmpty(part)) return clarify(`Which part of them should I count? ${example}`);
  return { kind: "cells", subject: "cells", population: part, within: whole, measure: "fraction", groupBy: [], order: "natural" };
}

function readVolume(q: Question): ReadResult {
  const ids = [...q.roots, ...q.nuclei];
  if (ids.length === 1) return readLookup(q);
  const population = tidy(mentionPopulation(q.mentions));
  // "Which cell type has the largest mean nucleus volume?": the statistic is the mean; "largest" ranks the types.
  const typeRank = q.has(/\b(which|what) (cell )?(type|class)\b/);
  const measure = q.has(/\bmedian\b/) ? "median_volume" : q.has(/\b(mean|average|avg)\b/) ? "mean_volume" : q.has(/\b(total|sum|combined)\b/) ? "sum_volume"
    : typeRank ? "mean_volume"
    : q.has(/\b(largest|biggest|max(imum)?)\b/) ? "max_volume" : q.has(/\b(smallest|min(imum)?)\b/) ? "min_volume" : "mean_volume";
  const ranked = typeRank && q.has(/\b(largest|biggest|highest|most|smallest|lowest)\b/);
  const grouped = typeRank || q.has(GROUP_BY_TYPE) || namesSeveralTypes(q, population);
  return {
    kind: "cells", subject: q.has(/\bcells?|neurons?\b/) || population.cellTypes || population.classes || grouped ? "cells" : "nuclei",
    population, measure, groupBy: grouped ? [q.has(/\bclass\b/) ? "class" : q.has(/\bm-?types?\b/) || (population.mtypes && !population.cellTypes) ? "mtype" : "cell_type"] : [],
    order: ranked ? (q.has(/\b(smallest|lowest)\b/) ? "asc" : "desc") : "natural",
    ...(ranked && !q.has(/\btypes\b/) ? { limit: q.topK() ?? 1 } : {}),
  };
}

function readDepth(q: Question): ReadResult {
  const ids = [...q.roots, ...q.nuclei];
  if (ids.length === 1) return readLookup(q);
  const population = tidy(mentionPopulation(q.mentions));
  // "Median depth of 5P-ET cells": the depth distribution's summary, which has the median.
  if (q.has(/\b(median|quartiles?|percentiles?|range|spread)\b/)) {
    return { kind: "distribution", variable: "soma_depth", population, side: "pre", groupBy: q.has(GROUP_BY_TYPE) ? "cell_type" : "none", bins: 40, chart: "histogram", statistics: true };
  }
  return { kind: "cells", subject: "cells", population, measure: "mean_depth", groupBy: q.has(GROUP_BY_TYPE) ? ["cell_type"] : [], order: "natural" };
}

const POSITION_WORDS = /\b(soma )?positions?\b|\bwhere are\b|\blocations?\b/;

function readPositions(q: Question): ReadResult {
  const population = tidy(mentionPopulation(q.mentions));
  const byMtype = q.has(/\b(colou?red|colou?rs?|by|per)\b[^.?]*\bm-?types?\b/);
  return { kind: "positions", population, ...(byMtype ? { colorBy: "mtype" as const } : {}), chart: "scatter" };
}

function readLookup(q: Question): ReadResult {
  const root = q.roots[0];
  const nucleus = q.nuclei[0];
  const fields: ("cell_type" | "class" | "mtype" | "nucleus_id" | "root_id" | "position" | "depth" | "volume" | "proofreading" | "coregistration" | "synapses")[] = [];
  if (q.has(/\bm-?types?\b|\bmorpholog/)) fields.push("mtype");
  else if (q.has(/\b(cell )?types?\b|\bwhat (kind|sort) of\b|\bclassif|\bwhat is (it|this)\b|\bexcitatory or inhibitory\b/)) fields.push("cell_type");
  if (q.has(/\bclass\b|\bexcitatory or inhibitory\b|\bis it (a )?neuron/)) fields.push("class");
  if (q.has(/\bnucle(us|i) ids?\b|\bwhich nucle(us|i)\b/) && root) fields.push("nucleus_id");
  if (q.has(/\broot( ids?)?\b|\bsegment( id)?\b|\bpt_root_id\b/) && nucleus) fields.push("root_id");
  if (q.has(/\bvolume|\bsize\b|\bhow (big|large)\b/)) fields.push("volume");
  if (q.has(/\b(position|where|location|located|coordinates?|xyz)\b/)) fields.push("position");
  if (q.has(/\bdepth|\bdeep\b|\blayer\b|\b(below|beneath|under|from) (the )?(pia|pial surface|surface)\b/)) fields.push("depth");
  if (q.has(/\bproofread/)) fields.push("proofreading");
  if (q.has(COREG_WORDS)) fields.push("coregistration");
  if (!fields.length && !q.has(/\b(tell me|about|info|information|details|describe|summary|what is|who is|look ?up)\b/)) fields.push("cell_type");
  return root ? { kind: "lookup", rootId: root.id, fields } : { kind: "lookup", nucleusId: nucleus!.id, fields };
}

function readProofreading(q: Question): ReadResult {
  if (q.roots.length + q.nuclei.length === 1) return readLookup(q);
  const population = tidy(mentionPopulation(q.mentions.filter((m) => !(m.kind === "term" && m.term.kind === "class" && m.term.value === "neuron"))));
  const axon = q.has(/\bfully extended\b|\baxon_fully_extended\b/) ? "axon_fully_extended"
    : q.has(/\bpartially extended\b|\baxon_partially_extended\b/) ? "axon_partially_extended"
    : q.has(/\binterareal\b/) ? "axon_interareal"
    : q.has(/\b(not |un)[- ]?proofread\w* axons?\b|\bunproofread axons?\b|\baxons? (that |which )?(is |are )?not proofread/) ? "not_proofread"
    : q.has(/\bextended axons?\b/) ? "axon_fully_extended"
    : q.has(/\baxons?\b/) ? "proofread" : "any";
  const dendrite = q.has(/\b(not |un)[- ]?proofread\w* dendrites?\b|\bdendrites? (that |which )?(is |are )?not proofread/) ? "not_proofread"
    : q.has(/\bextended dendrites?\b|\bdendrites? (is |are )?extended\b|\bdendrite_extended\b/) ? "dendrite_extended"
    : q.has(/\bclean(ed)? dendrites?\b|\bdendrites? (is |are )?clean(ed)?\b|\bdendrite_clean\b/) ? "dendrite_clean"
    : q.has(/\bdendrites?\b/) ? "proofread" : "any";
  const groupBy = q.has(/\b(each|every|per|by|all|different)\s+(axon\s+|dendrite\s+)?(proofreading\s+)?strateg(y|ies)\b|\bwhich strateg|\bwhat strateg|\bstrateg(y|ies) (breakdown|counts?)\b/)
    ? [q.has(/\bdendrit/) ? "strategy_dendrite" as const : "strategy_axon" as const]
    : q.has(GROUP_BY_TYPE) ? ["cell_type" as const] : [];
  const list = q.has(/\b(list|which|show)\b/) && !q.has(/\bhow many|number|count\b/) && !groupBy.length;
  const anyStatus = axon === "any" && dendrite === "any";
  // "neurons per axon proofreading strategy": the strategy is the grouping, not a filter on the status.
  if (groupBy[0]?.startsWith("strategy")) {
    return { kind: "proofreading", population, axon: "any", dendrite: "any", groupBy, measure: "count" };
  }
  return {
    kind: "proofreading",
    population,
    axon: anyStatus && !groupBy.length && q.has(/\bproofread\b/) ? "any" : axon,
    dendrite,
    groupBy,
    measure: list ? "list" : "count",
    limit: list ? q.topK() : undefined,
  };
}

function readCoregistration(q: Question): ReadResult {
  const population = tidy(mentionPopulation(q.mentions.filter((m) => !(m.kind === "term" && m.term.kind === "class" && m.term.value === "neuron"))));
  if (population.rootIds?.length === 1 || population.nucleusIds?.length === 1) return readLookup(q);
  const groupBy = q.has(/\b(each|per|by) (session|scan)s?\b/) ? [q.has(/\bscan/) ? "scan" as const : "session" as const] : q.has(GROUP_BY_TYPE) ? ["cell_type" as const] : [];
  const list = q.has(/\b(list|which|show)\b/) && !q.has(/\bhow many|number|count\b/) && !groupBy.length;
  return { kind: "coregistration", population, groupBy, measure: list ? "list" : "count", limit: list ? q.topK() : undefined };
}

// ---------------------------------------------------------------------------------------------
// Synapses

type Side = "pre" | "post";

/** Which side of the synapse each mention is on, from the words around it. */
function assignSides(q: Question): Map<Mention, Side | undefined> {
  const sides = new Map<Mention, Side | undefined>();
  for (const m of q.mentions) {
    const b = q.before(m, 4);
    const b1 = q.before(m, 1);
    const b2 = q.before(m, 2);
    const a = q.after(m, 4);
    let side: Side | undefined;
    if (/\b(from|by|of)$/.test(b1) && /\b(inputs?|afferents?|presynaptic partners?|upstream|sources?)\s+(\w+\s+)?(from|of)$/.test(b2) && !/\bfrom$/.test(b1)) side = "post";
    else if (/\b(inputs?|input synapses|afferents?|presynaptic partners?|upstream( partners)?|sources?)\s+(\w+\s+)?(of|to|onto|into|for|on)$/.test(b) || /\b(inputs?|input synapses)\s+(of|to|onto|into|for|on)$/.test(b2)) side = "post";
    else if (/\b(outputs?|output synapses|efferents?|postsynaptic partners?|downstream( partners)?|targets?)\s+(\w+\s+)?(of|from|by)$/.test(b)) side = "pre";
    else if (/\b(from|by)$/.test(b1) || /\b(made|sent|formed|coming|originating|arising) (from|by)$/.test(b2)) side = "pre";
    else if (/\b(to|onto|into|on|targeting|innervating|contacting|toward|towards|and)$/.test(b1) && !/\bbetween\b/.test(b)) side = /\band$/.test(b1) ? undefined : "post";
    else if (/\b(presynaptic|source)$/.test(b1)) side = "pre";
    else if (/\b(postsynaptic|target)$/.test(b1)) side = "post";
    if (!side) {
      // The subject of a verb: "does X make/send/target ..." (pre), "does X receive/get ..." (post).
      if (/^('s )?(\w+ )?(make|makes|send|sends|form|forms|target|targets|innervate|innervates|contact|contacts|synapse|synapses onto|project|projects|output|outputs|connect|connects|drive|drives|have|has)\b/.test(a) && /\b(does|do|did|which|that|what|how many|many)\b|^$/.test(b) && !/\b(receive|receives|get|gets)\b/.test(a)) {
        side = /\b(have|has)\b/.test(a.split(" ")[0] ?? "") ? undefined : "pre";
      }
      if (/^(\w+ )?(receive|receives|get|gets|is targeted|are targeted|is innervated|are innervated)\b/.test(a)) side = "post";
      if (/^'s (inputs?|input synapses|presynaptic|afferents|upstream)/.test(a)) side = "post";
      if (/^'s (outputs?|output synapses|postsynaptic|efferents|downstream|targets)/.test(a)) side = "pre";
    }
    sides.set(m, side);
  }
  return sides;
}

function readSynapses(q: Question): ReadResult {
  const mentions = q.mentions;
  const sides = assignSides(q);
  const pre: Mention[] = [];
  const post: Mention[] = [];
  const unsided: Mention[] = [];
  for (const m of mentions) {
    const s = sides.get(m);
    if (s === "pre") pre.push(m);
    else if (s === "post") post.push(m);
    else unsided.push(m);
  }
  const inputWords = q.has(/\b(inputs?|input synapses|incoming|afferent\w*|presynaptic partners?|upstream|receives?|received|receiving|gets?)\b/);
  const outputWords = q.has(/\b(outputs?|output synapses|outgoing|efferent\w*|postsynaptic partners?|downstream|makes?|sends?|targets?|targeting|innervat\w*|projects?)\b/);
  // Mentions with no cue: the first unsided goes where the question's direction words say.
  for (const m of unsided) {
    if (!pre.length && !post.length) {
      if (inputWords && !outputWords) post.push(m);
      else pre.push(m);
    } else if (!pre.length) pre.push(m);
    else if (!post.length) post.push(m);
    else pre.push(m);
  }
  // "between excitatory cell types": one class on both sides.
  const between = q.has(/\bbetween\b|\bamong\b|\bwithin\b/);
  let prePop = tidy(mentionPopulation(pre));
  let postPop = tidy(mentionPopulation(post));
  if (between && mentions.length === 1 && q.terms.length === 1) postPop = { ...prePop };
  // "Synapses 8646… makes onto inhibitory cells": one neuron and types on one side cannot both be
  // the source; the types are the other side.
  for (const from of ["pre", "post"] as const) {
    const a = from === "pre" ? prePop : postPop;
    const b = from === "pre" ? postPop : prePop;
    if ((a.rootIds || a.nucleusIds) && (a.cellTypes || a.mtypes || a.classes) && !b.rootIds && !b.nucleusIds) {
      // ("onto inhibitory cells vs excitatory cells": both types go to the other side.)
      const merged = (x?: string[], y?: string[]) => (x || y ? [...new Set([...(y ?? []), ...(x ?? [])])] : undefined);
      const types = clean({ cellTypes: merged(a.cellTypes, b.cellTypes), mtypes: merged(a.mtypes, b.mtypes), classes: merged(a.classes, b.classes) as CellClass[] | undefined });
      const ids = clean({ rootIds: a.rootIds, nucleusIds: a.nucleusIds });
      if (from === "pre") { prePop = ids; postPop = types; } else { postPop = ids; prePop = types; }
    }
  }
  // "Which neurons are upstream of 8646…?": the neuron named is the target.
  if (q.has(/upstream of/) && (prePop.rootIds || prePop.nucleusIds) && isEmpty(postPop)) {
    postPop = prePop;
    prePop = {};
  }
  // "What innervates 5P-ET cells?": the cells named are the targets.
  if (q.has(/^\s*(what|which (cells?|neurons?|types?|cell types?)|who) (targets|innervates|drives|contacts|inhibits|excites|synapses onto|projects to|sends synapses to)\b/) && isEmpty(postPop) && !isEmpty(prePop)) {
    postPop = prePop;
    prePop = {};
  }

  // Partners that must be neurons: "how many (different) neurons does R connect to".
  const partnerNeurons = q.has(/\b(different|distinct|unique|other)?\s*(neurons|cells)\b/) && q.has(/\bhow many|number of|count\b/) && (prePop.rootIds || postPop.rootIds);

  // Measure.
  let measure: SynapsePlan["measure"] = "count";
  const sizeAsked = q.has(SIZE_WORDS) && q.has(/\bsynap|\bsize/);
  if (q.has(/\b(fraction|proportion|percent(age)?|share|ratio)\b|%/)) measure = "fraction";
  else if (sizeAsked && q.has(/\bmedian\b/)) measure = "median_size";
  else if (sizeAsked && q.has(/\b(mean|average|avg|typical)\b/)) measure = "mean_size";
  else if (q.has(/\b(total|summed|sum of|combined|cumulative) (\w+ )?(synapse |synaptic )?(size|volume|weight|strength)\b|\bsum of (the )?(synapse )?sizes\b/)) measure = "sum_size";
  else if (sizeAsked && q.has(/\b(largest|biggest|max(imum)?) (synapse|size)\b|\bmax(imum)? size\b|\bhow (big|large) is the (largest|biggest)\b/)) measure = "max_size";
  else if (sizeAsked && q.has(/\b(smallest|min(imum)?) (synapse|size)\b|\bmin(imum)? size\b/)) measure = "min_size";
  else if (q.has(/\bhow many\s+(different\s+|distinct\s+|unique\s+|other\s+)?(partners?|neurons|cells|targets|inputs neurons|presynaptic partners|postsynaptic partners|postsynaptic neurons|presynaptic neurons|postsynaptic cells|presynaptic cells|roots|segments)\b|\bnumber of (different |distinct |unique )?(partners?|postsynaptic partners|presynaptic partners|target neurons|input neurons)\b|\bconnect(ed|s)? to how many\b/) && (prePop.rootIds || postPop.rootIds || prePop.cellTypes || postPop.cellTypes)) {
    measure = "count_partners";
  } else if ((prePop.rootIds || postPop.rootIds) && q.has(/\bhow many\s+((?!synap|connection|contact|input|output)\S+\s+){1,2}(neurons|cells|partners|targets)\b|\bhow many of (\S+ ){1,2}(targets|partners)\b/)) {
    // "How many 23P neurons does 8646… contact?": partners of one type, not synapses.
    measure = "count_partners";
  }
  // "How many SST interneurons receive input from L4 pyramidal cells?": the cells named after
  // "how many" are counted, on whichever side the flow put them.
  let countedSide: Side | undefined;
  const counted = /\bhow many\s+((?!synap|connection|contact|input|output)\S+\s+){1,3}?(neurons|cells|interneurons)\b/.exec(q.lower);
  const firstTerm = q.mentions.find((m) => m.kind === "term");
  if (measure === "count" && counted && firstTerm?.kind === "term" && firstTerm.term.kind !== "ambiguous" && !prePop.rootIds && !postPop.rootIds) {
    const value = firstTerm.term.value;
    const has = (p: Population) => [...(p.cellTypes ?? []), ...(p.mtypes ?? []), ...(p.classes ?? [])].includes(value);
    if (has(postPop) !== has(prePop)) {
      measure = "count_partners";
      countedSide = has(postPop) ? "post" : "pre";
    }
  }
  // "Connection probability from BC to 23P": connected pairs over possible pairs, between two populations.
  if (q.has(CONNECTION_PROBABILITY)) {
    if (isEmpty(prePop) || isEmpty(postPop) || prePop.rootIds || postPop.rootIds || prePop.nucleusIds || postPop.nucleusIds) {
      return clarify("Connection probability is between two groups of cells: which ones? For example: \"connection probability from BC to 23P\".");
    }
    return { kind: "synapses", pre: prePop, post: postPop, measure: "connection_probability", groupBy: [], order: "natural" };
  }
  const size = readSizeFilter(q);

  // Grouping and ranking.
  const groupBy: SynapseGroup[] = [];
  let order: SynapsePlan["order"] = "natural";
  let limit = q.topK();
  const superlative = q.has(/\b(most|strongest|largest number|highest|biggest|main|primary|principal|dominant|favou?rite|preferred|top)\b/);
  const typeRank = q.has(/\b(which|what)\s+(\w+\s+)?(cell\s+)?(types?|class(es)?)\b/) || q.has(/\bmain (target|source|input|output)s?\b|\b(target|source) types?\b/)
    || q.has(/\btop \d+ (cell[- ]?|m-?)?(types|class(es)?)\b/)
    // "What do Martinotti cells target?", "where do basket cells project?": the targets by type.
    || q.has(/\bwhat (do|does) (\S+ ){1,4}(target|innervate|contact|synapse onto|project to)\b|\bwhere (do|does) (\S+ ){1,4}(project|send)\b|\bwhat (targets|innervates|drives|contacts) \b/)
    || q.has(/\b(pre|post)-?synaptic (cell )?(types|class(es))\b/) || q.has(/\brank (the )?(cell )?(types|class(es))\b|\b(cell )?(types|class(es)) (ranked|sorted|ordered) by\b/);
  const ranked = q.has(/\b(rank|ranked|ranking|sorted|sort|ordered)\b/);
  const partnerRank = q.has(/\b(partners?|targets?|inputs?|sources?|neurons?|cells?)\b/) && (superlative || limit !== undefined) && q.has(/\b(top|which|who|what|list|strongest|most|largest|main)\b/);
  const eachType = q.has(GROUP_BY_TYPE);
  const ids = Boolean(prePop.rootIds || prePop.nucleusIds || postPop.rootIds || postPop.nucleusIds);

  if (q.has(/\bmatrix\b|\b(type|cell[- ]type)[- ]to[- ](type|cell[- ]type)\b|\bbetween (all |each |every )?(pairs? of )?(cell )?types\b|\b(every|each|all) pairs? of (cell )?types\b|\bfrom each (cell )?type to each\b|\bconnectivity (matrix|table)\b/)) {
    const scheme = q.has(/\bm-?types?\b/) || prePop.mtypes || postPop.mtypes ? "mtype" : "cell_type";
    groupBy.push(`pre_${scheme}` as SynapseGroup, `post_${scheme}` as SynapseGroup);
  } else if (typeRank || (eachType && !partnerRank)) {
    // Which side is grouped by type: the side not named ("which types does R target" → post).
    const scheme = q.has(/\bm-?types?\b/) ? "mtype" : q.has(/\bclass(es)?\b/) && !q.has(/\bcell types?\b/) ? "class" : "cell_type";
    let side: Side;
    if (q.has(/\b(by|per|each|which|what) pre-?synaptic (cell )?(types?|class(es)?)\b|\bpre-?synaptic (cell )?(types|class(es)) of\b/)) side = "pre";
    else if (q.has(/\b(by|per|each|which|what) post-?synaptic (cell )?(types?|class(es)?)\b|\bpost-?synaptic (cell )?(types|class(es)) of\b/)) side = "post";
    else if (q.has(/\beach\s+(\w+\s+)?(cell\s+)?(type|class)\s+(send|make|give|provide|contribute|form|project)/) || q.has(/\b(which|what) (\w+ )?(cell )?(types?|class(es)?) (sends?|makes?|gives?|provides?|contributes?|forms?|projects?|innervates?|targets?|drives?)\b/)) side = "pre";
    else if (q.has(/\b(which|what) (\w+ )?(cell )?(types?|class(es)?) (receives?|gets?|is targeted|are targeted)\b/)) side = "post";
    else if (q.has(/\b(from|by) (each|every|which|what|all)\b/) || q.has(/\b(inputs?|sources?) by (cell )?type\b/)) side = "pre";
    else if (q.has(/\b(to|onto) (each|every|which|what|all)\b/)) side = "post";
    else if (isEmpty(prePop) && !isEmpty(postPop)) side = "pre";
    else if (!isEmpty(prePop) && isEmpty(postPop)) side = "post";
    // Nothing named: the types are ranked by what they receive ("rank cell types by input synapses") or send.
    else if (isEmpty(prePop) && isEmpty(postPop)) side = inputWords && !outputWords ? "post" : "pre";
    else side = inputWords && !outputWords ? "pre" : "post";
    // "each inhibitory cell type": the class named with "each" narrows the grouped side.
    const eachClass = /\beach\s+(excitatory|inhibitory)\b/.exec(q.lower);
    if (eachClass) {
      const cls = eachClass[1] as CellClass;
      const target = side === "pre" ? prePop : postPop;
      if (!target.cellTypes) {
        if (side === "pre") prePop = { ...prePop, classes: [cls] };
        else postPop = { ...postPop, classes: [cls] };
        const other = side === "pre" ? postPop : prePop;
        if (other.classes?.length === 1 && other.classes[0] === cls && !other.cellTypes && !other.rootIds) {
          if (side === "pre") postPop = { ...postPop, classes: undefined };
          else prePop = { ...prePop, classes: undefined };
          postPop = clean(postPop);
          prePop = clean(prePop);
        }
      }
    }
    groupBy.push(`${side}_${scheme}` as SynapseGroup);
    const sizeRank = measure.endsWith("_size") && q.has(/\b(largest|biggest|highest|smallest|lowest)\b/);
    if (superlative || ranked || sizeRank || typeRank && q.has(/\b(most|main|top|primary|strongest)\b/)) {
      if (sizeRank && q.has(/\b(smallest|lowest)\b/)) order = "asc";
      else
      order = "desc";
      if (limit === undefined && !ranked && /\b(which|what)\s+(\w+\s+)?(cell\s+)?(type|class)\b(?!s)/.test(q.lower) && !eachType) limit = 1;
      if (limit === undefined && q.has(/\bmain (target|source|input|output)\b(?!s)/)) limit = 1;
    }
  } else if (partnerRank || (ids && q.has(/\b(list|who|which|what|show|give)\b/) && q.has(/\b(partners?|targets?|inputs?|outputs?|connections?|sources?|downstream|upstream)\b/) && !q.has(/\b(how many|number of|count|total)\b/) && !q.has(FRACTION_WORDS))) {
    // "What are the outputs of 8646…?", "its strongest connections": its partners, ranked.
    // Ranking roots: a neuron's partners, or neurons of a population by their synapse counts.
    if (ids) {
      const side: Side = prePop.rootIds || prePop.nucleusIds ? "post" : "pre";
      groupBy.push(`${side}_root` as SynapseGroup);
    } else {
      // "Which 3 23P neurons have the most output synapses": rank the named population.
      const side: Side = !isEmpty(prePop) && isEmpty(postPop) ? "pre" : isEmpty(prePop) && !isEmpty(postPop) ? "post" : inputWords && !outputWords ? "post" : "pre";
      if (isEmpty(prePop) && isEmpty(postPop)) {
        const neurons: Population = { classes: ["neuron"] };
        if (side === "pre") prePop = neurons;
        else postPop = neurons;
      }
      if (side === "pre" && inputWords && !outputWords && isEmpty(postPop)) {
        postPop = prePop;
        prePop = {};
        groupBy.push("post_root");
      } else groupBy.push(`${side}_root` as SynapseGroup);
    }
    order = "desc";
    if (limit === undefined) limit = q.has(/\b(which|who|what) (\S+ )?(neuron|cell|partner|target|input)\b(?!s)/) ? 1 : 10;
  }

  if (partnerNeurons && measure === "count_partners") {
    const side: Side = prePop.rootIds || prePop.nucleusIds ? "post" : "pre";
    const target = side === "post" ? postPop : prePop;
    if (isEmpty(target) || (target.classes && !target.cellTypes)) {
      const withNeurons = { ...target, classes: target.classes ?? (["neuron"] as CellClass[]) };
      if (side === "post") postPop = withNeurons;
      else prePop = withNeurons;
    }
  }
  if (measure === "fraction" && groupBy.some((g) => g.endsWith("root"))) measure = "count";
  // "which neurons have the most (postsynaptic) partners": rank roots by distinct partners, not synapses.
  const rootGroup = groupBy.find((g) => g.endsWith("_root"));
  let rankedPartnerSide: Side | undefined;
  if (rootGroup && !ids && measure === "count" && q.has(/\b(most|fewest|top|largest number of|highest number of) (\w+ )?(distinct |different |unique )?(pre-?synaptic |post-?synaptic )?partners\b/)) {
    measure = "count_partners";
    rankedPartnerSide = rootGroup.startsWith("pre") ? "post" : "pre";
  }

  // "onto inhibitory vs excitatory cells": one figure per group compared.
  if (!groupBy.length && q.has(/\b(vs\.?|versus|compared (to|with))\b/)) {
    for (const side of ["post", "pre"] as Side[]) {
      const p = side === "pre" ? prePop : postPop;
      const scheme = (p.classes?.length ?? 0) >= 2 && !p.cellTypes ? "class" : (p.cellTypes?.length ?? 0) >= 2 ? "cell_type" : (p.mtypes?.length ?? 0) >= 2 ? "mtype" : undefined;
      if (scheme) {
        groupBy.push(`${side}_${scheme}` as SynapseGroup);
        break;
      }
    }
  }
  const plan: SynapsePlan = {
    kind: "synapses",
    pre: prePop,
    post: postPop,
    measure,
    groupBy,
    order,
    ...(limit !== undefined && groupBy.length ? { limit } : {}),
    ...(size ? { size } : {}),
    ...(measure === "fraction" ? { fractionOf: fractionBase(inputWords && !outputWords ? "inputs" : "outputs", prePop, postPop) } : {}),
    ...(measure === "count_partners" ? { partnerSide: countedSide ?? rankedPartnerSide ?? (prePop.rootIds || prePop.nucleusIds || (!isEmpty(prePop) && isEmpty(postPop)) ? "post" as const : "pre" as const) } : {}),
  };
  if (q.has(/\bheat ?map\b|\bmatrix\b/) && groupBy.length === 2) plan.chart = "heatmap";
  else if (q.has(/\b(bar|plot|chart)\b/) && groupBy.length === 1) plan.chart = "bar";
  return plan;
}

const isEmpty = (p: Population) => !p.rootIds && !p.nucleusIds && !p.cellTypes && !p.mtypes && !p.classes;
function clean(p: Population): Population {
  const out: Population = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

function readSizeFilter(q: Question): SynapsePlan["size"] | undefined {
  const num = "(\\d[\\d,]*(?:\\.\\d+)?)";
  const between = new RegExp(`\\bbetween ${num} and ${num}\\b`).exec(q.lower);
  if (between && q.has(/\bsize|voxels?|larger|smaller|bigger\b/)) return { min: n(between[1]!), max: n(between[2]!) };
  // "exactly 500 voxels", "a size of 500": one size.
  // (A short number only: "size of 8646…" names a neuron, not a size.)
  const exact = /(?:\bexactly|\bequal to|=|\bsize of|\bsized)\s*(\d{1,3}(?:,\d{3})+|\d{1,9})(?![\d,])(?!\s*(?:and|or|to|-))/.exec(q.lower);
  if (exact && q.has(/\bsize|voxels?\b/) && !q.has(/\b(at least|at most|larger|smaller|bigger|greater|less|more|above|below|over|under)\b/)) return { min: n(exact[1]!), max: n(exact[1]!) };
  const gt = new RegExp(`(?:larger|bigger|greater|more|above|over|exceeding|>)\\s*(?:than\\s*)?${num}`).exec(q.lower);
  const gte = new RegExp(`(?:at least|>=|≥|no smaller than|minimum of)\\s*${num}`).exec(q.lower);
  const lt = new RegExp(`(?:smaller|less|lower|below|under|<)\\s*(?:than\\s*)?${num}`).exec(q.lower);
  const lte = new RegExp(`(?:at most|<=|≤|no larger than|maximum of)\\s*${num}`).exec(q.lower);
  const size: NonNullable<SynapsePlan["size"]> = {};
  if (gte) size.min = n(gte[1]!);
  else if (gt) Object.assign(size, { min: n(gt[1]!), minExclusive: true });
  if (lte) size.max = n(lte[1]!);
  else if (lt) Object.assign(size, { max: n(lt[1]!), maxExclusive: true });
  return size.min !== undefined || size.max !== undefined ? size : undefined;
}
const n = (s: string) => Number(s.replace(/,/g, ""));

// ---------------------------------------------------------------------------------------------
// Charts

/**
 * The sides of a synapse-size question, read as a flow: "from 23P to BC" names both (population
 * and partners), "from BC onto each cell type" groups by the other side's type.
 */
function synapseSides(q: Question): Partial<DistributionPlan> | undefined {
  const flow = readSynapses(q);
  if (!("kind" in flow) || flow.kind !== "synapses") return undefined;
  const pre = !isEmpty(flow.pre);
  const post = !isEmpty(flow.post);
  const typed = flow.groupBy.find((g) => g === "pre_cell_type" || g === "post_cell_type");
  const grouping = typed ? { groupBy: "cell_type" as const, groupSide: typed === "pre_cell_type" ? "pre" as const : "post" as const } : {};
  if (pre && post) return { population: flow.pre, side: "pre", partners: flow.post, ...grouping };
  if (typed && (pre || post)) return { population: pre ? flow.pre : flow.post, side: pre ? "pre" : "post", ...grouping };
  return undefined;
}

function readChart(q: Question): ReadResult | undefined {
  const population = tidy(mentionPopulation(q.mentions));
  const kind = q.has(/\bheat ?map\b|\bmatrix\b/) ? "heatmap" : q.has(/\bscatter\b/) ? "scatter" : q.has(/\bbox ?plot|\bboxplot|\bbox and whisker/) ? "box"
    : q.has(/\bbar\b/) ? "bar" : q.has(/\bhistogram|\bdistribution\b/) ? "histogram" : undefined;
  if (kind === "heatmap") {
    const plan = readSynapses(q);
    if ("kind" in plan && plan.kind === "synapses") {
      const scheme = q.has(/\bm-?types?\b/) ? "mtype" : "cell_type";
      const mean = q.has(/\b(mean|average) (synapse )?size\b/);
      const classOnly = population.classes && !population.cellTypes;
      return {
        ...plan,
        pre: classOnly ? population : plan.pre,
        post: classOnly ? population : plan.post,
        measure: mean ? "mean_size" : "count",
        groupBy: [`pre_${scheme}` as SynapseGroup, `post_${scheme}` as SynapseGroup],
        order: "natural",
        limit: undefined,
        chart: "heatmap",
      };
    }
    return plan;
  }
  if (kind === "scatter" || q.has(POSITION_WORDS) && !q.has(/\bsynap/)) return readPositions(q);
  const variable: DistributionPlan["variable"] | undefined = q.has(/\bsynap\w* (size|strength|weight)s?|\bsizes? of (the )?synap|\bsynapse sizes?\b|\bsize distribution\b/) ? "synapse_size"
    : q.has(/\bnucle\w* (volume|size)s?\b|\bvolumes?\b/) ? "nucleus_volume"
    : q.has(/\bdepths?\b/) ? "soma_depth"
    : q.has(/\b(outputs?|output synapses|out-?degree)\b.*\bper (neuron|cell)\b|\bout-?degree/) ? "out_degree"
    : q.has(/\b(inputs?|input synapses|in-?degree)\b.*\bper (neuron|cell)\b|\bin-?degree/) ? "in_degree"
    : undefined;
  const side = variable === "synapse_size" && q.has(/\b(onto|received|inputs?|postsynaptic)\b/) ? "post" : "pre";
  const between = variable === "synapse_size" ? synapseSides(q) : undefined;
  if (variable && !kind && q.has(STATISTICS_WORDS) && !q.has(/\bplot|\bchart|\bgraph/)) {
    // "Quartiles of synapse size of basket cell outputs": the five numbers, not a count or a histogram.
    return { kind: "distribution", variable, population, side, groupBy: q.has(GROUP_BY_TYPE) ? "cell_type" : "none", ...between, bins: 40, chart: "histogram", statistics: true };
  }
  if (variable && (kind === "histogram" || kind === "box" || q.has(/\bdistribution|\bplot|\bchart|\bgraph/))) {
    const byType = q.has(GROUP_BY_TYPE) || kind === "box";
    return { kind: "distribution", variable, population, side, groupBy: byType ? "cell_type" : "none", ...between, bins: 40, chart: kind === "box" ? "box" : "histogram", statistics: false };
  }
  if (kind === "bar" || kind === "histogram" || q.has(/\bplot|\bchart|\bgraph/)) {
    // A bar chart of counts: cells per type, or synapses per type.
    if (q.has(SYNAPSE_WORDS)) {
      const plan = readSynapses(q);
      if ("kind" in plan && plan.kind === "synapses" && plan.groupBy.length) return { ...plan, chart: plan.groupBy.length === 2 ? "heatmap" : "bar" };
      if ("kind" in plan && plan.kind === "synapses") return { ...plan, groupBy: [isEmpty(plan.pre) ? "pre_cell_type" : "post_cell_type"], chart: "bar" };
      return plan;
    }
    const plan = readCellCount(q);
    if ("kind" in plan && plan.kind === "cells") return { ...plan, groupBy: plan.groupBy.length ? plan.groupBy : ["cell_type"], chart: "bar" };
    return plan;
  }
  return undefined;
}
