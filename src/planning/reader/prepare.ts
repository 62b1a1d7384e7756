import { spellings } from "./spellings.js";
import { LAST_STEPS } from "./prepare-last-steps.js";
import { cutoffSaidFirst, definedCutoff } from "./defined-cutoff.js";
import { discourseStep } from "./discourse.js";
import { asManyAs } from "./as-many-as.js";
import { connectedPairs } from "./connected-pairs.js";
import { relativeWhich } from "./relative-which.js";
import { shareOfHead } from "./share-of-head.js";
import { shareOfSame } from "./share-of-same.js";
import { typedBound } from "./typed-bound.js";
import { shareSaidLast } from "./share-said-last.js";
import { twoFlows } from "./two-flows.js";
import { typePairs } from "./type-pairs.js";
import { neuronsDefined, neuronsOnly } from "./neurons-only.js";
import { countRanges } from "./count-ranges.js";
import { eachNamed } from "./each-named.js";
import { everyLayerListed, layerOfSide, layerRanges, layersNumbered, layersShareName } from "./layer-words.js";
import { layWords } from "./lay-words.js";
import { depthPhrases } from "./depth-phrases.js";
import { everythingOf } from "./everything-of.js";
import {
  bracketLists,
  bracketRestrictions,
  groupsListedAfter,
  bracketSemicolons,
  hvaSpelledOut,
  sharedBracketFirst,
  sixSpelledOut,
  prepositionSaidAgain,
} from "./brackets.js";
import { otherPlaces } from "./other-places.js";
import { placeFirst } from "./place-first.js";
import { itsOwnPartners, pronounObject, strandedOnto, whoTargets } from "./pronoun-object.js";
import { partnerCountBounds } from "./partner-count-bounds.js";
import { oneRoleLabel, roleLabels } from "./role-labels.js";
import { sideBrackets } from "./side-brackets.js";
import { exclusions } from "./exclusions.js";
import { sums } from "./sums.js";
import { graphTerms } from "./graph-terms.js";
import { notCounted, statDenied, statMeant, type NotCounted } from "./not-counted.js";
import { numberPhrases } from "./number-phrases.js";
import { oneCellCounts, oneSubjectOnAverage } from "./one-cell-counts.js";
import { populationSize } from "./population-size.js";
import { noneOf } from "./none-of.js";
import { singleSuperlative } from "./single-superlative.js";
import { pseudoSql } from "./pseudo-sql.js";
import { restatedDefaults } from "./restated-defaults.js";
import type { Claim } from "./claims.js";
import { remarks } from "./remarks.js";
import { pluralPossessive, plusTheir } from "./possessive.js";
import { corrections, takenBack } from "./corrections.js";
import { restatements } from "./restatements.js";
import { thoseOnes } from "./those-ones.js";
import { listSaidLast } from "./list-said-last.js";
import { amongCounted, amongPartners, amongRanked, amongSaidLast, onlyThenTop } from "./among-ranked.js";
import { pairsConnected } from "./pairs-connected.js";
import { whichOfTopic } from "./which-of-topic.js";
import { typesOfIds } from "./types-of-ids.js";
import { idsAsked } from "./ids-asked.js";
import { gluedCounts, unitsApart, whichOfTwo, withExtreme } from "./typed-forms.js";
import { strandedSides } from "./stranded.js";
import { synapseCounts } from "./synapse-counts.js";
import { meanOverAll } from "./mean-over-all.js";
import { rootRelatives, twoNamed } from "./root-relatives.js";
import { quotedClaims } from "./quoted-claims.js";
import { suspendedHyphens } from "./suspended-hyphens.js";
import { giveMeN } from "./give-me-n.js";
import { groupsByStatistic, rankedBy, sortedThenTop } from "./sorted-then-top.js";
import { lookingAt } from "./looking-at.js";
import { rankedPlace } from "./ranked-place.js";
import { valueAskedAgain } from "./value-asked-again.js";
import { rootDescribed, twoRootsFirst } from "./root-described.js";
import { totalBound } from "./total-bound.js";
import { oneInN } from "./one-in-n.js";
import { percentMore } from "./percent-more.js";
import { bothWaysLabels } from "./both-ways-labels.js";
import { possiblePairs } from "./possible-pairs.js";
import { connectionsFirst, partnersShare } from "./partners-share.js";
import {
  allCellsThenShare,
  amongHowMany,
  cellsFirstThenShare,
  shareLabelFirst,
  shareSits,
} from "./share-label-first.js";
import { layerTypes } from "./layer-types.js";
import { topOfFlow } from "./top-of-flow.js";
import { deepestFirst } from "./deepest-first.js";
import { countedGroups } from "./counted-groups.js";
import { placeFronted } from "./place-fronted.js";
import { percentSaidAfter } from "./percent-said-after.js";
import { rankedFirst, synapsesMakeUp } from "./scope-steps.js";
import { perPartnerMean } from "./per-partner-mean.js";
import { topicLead } from "./topic-lead.js";
import { rootsRanking, sideOfRoot } from "./topic-root.js";
import { groupsSaidAgain } from "./groups-said-again.js";
import { restrictedTo } from "./restricted-to.js";
import { meanPartnersPerCell } from "./mean-partners-per-cell.js";

/**
 * Before the words are read: steps that turn the question as typed into the question to read, and
 * say what they set aside. Each step takes the text and returns the text to read next plus the
 * parts it took as context (a greeting, a citation, a sentence of background), so the answer can
 * say what it did not read and why. A step never drops a restriction: when in doubt, it leaves
 * the words for the reader, which asks back about anything it cannot account for.
 */
export interface Prepared {
  /** The text the reader reads. */
  text: string;
  /** Parts of the question taken as context, in the words typed. */
  context: string[];
  /** What the question said it does not count ("(cells, not synapses)"), checked against the plan. */
  notCounted?: NotCounted[];
  /** What the question said the answer is ("counting synapses", "one row each"), checked against the plan. */
  claims?: Claim[];
}

export type PrepareStep = (p: Prepared) => Prepared;

/** The steps in order (each module of a step adds itself here). */
// Pseudo-SQL first: a SQL-like question is rewritten whole before any part of it is set aside.
export const STEPS: PrepareStep[] = [
  pseudoSql,
  spellings,
  unitsApart,
  withExtreme,
  suspendedHyphens,
  giveMeN,
  sortedThenTop,
  restrictedTo,
  meanPartnersPerCell,
  groupsByStatistic,
  groupsSaidAgain,
  rankedBy,
  pronounObject,
  itsOwnPartners,
  whoTargets,
  strandedOnto,
  partnerCountBounds,
  lookingAt,
  rankedPlace,
  valueAskedAgain,
  rootDescribed,
  twoRootsFirst,
  totalBound,
  oneInN,
  percentMore,
  layersShareName,
  bothWaysLabels,
  possiblePairs,
  partnersShare,
  connectionsFirst,
  shareLabelFirst,
  cellsFirstThenShare,
  allCellsThenShare,
  amongHowMany,
  shareSits,
  layerTypes,
  topOfFlow,
  deepestFirst,
  countedGroups,
  placeFronted,
  quotedClaims,
  twoNamed,
  rootRelatives,
  relativeWhich,
  bracketSemicolons,
  hvaSpelledOut,
  sixSpelledOut,
  sharedBracketFirst,
  sideBrackets,
  roleLabels,
  oneRoleLabel,
  placeFirst,
  otherPlaces,
  neuronsOnly,
  neuronsDefined,
  idsAsked,
  pluralPossessive,
  plusTheir,
  discourseStep,
  layWords,
  thoseOnes,
  listSaidLast,
  amongSaidLast,
  amongRanked,
  amongCounted,
  onlyThenTop,
  amongPartners,
  pairsConnected,
  whichOfTopic,
  typesOfIds,
  layerOfSide,
  layerRanges,
  layersNumbered,
  depthPhrases,
  definedCutoff,
  cutoffSaidFirst,
  takenBack,
  corrections,
  meanOverAll,
  percentSaidAfter,
  remarks,
  // (Again: "→ root ids pls :)" is said last once the remarks are set aside.)
  idsAsked,
  topicLead,
  everythingOf,
  restatedDefaults,
  notCounted,
  statDenied,
  statMeant,
  restatements,
  graphTerms,
  gluedCounts,
  synapsesMakeUp,
  rankedFirst,
  rootsRanking,
  eachNamed,
  sideOfRoot,
  typePairs,
  whichOfTwo,
  typedBound,
  numberPhrases,
  exclusions,
  sums,
  asManyAs,
  shareOfSame,
  shareOfHead,
  shareSaidLast,
  countRanges,
  perPartnerMean,
  synapseCounts,
  singleSuperlative,
  connectedPairs,
  twoFlows,
  oneCellCounts,
  oneSubjectOnAverage,
  populationSize,
  noneOf,
  strandedSides,
  everyLayerListed,
  groupsListedAfter,
  bracketRestrictions,
  bracketLists,
  prepositionSaidAgain,
  ...LAST_STEPS,
];

/**
 * Remarks and self-corrections ("no rush, thanks!!", "counting synapses, not partners", "BCs — sorry, I
 * mean MCs —") are read only when the question without them is asked back: the reader tries them second.
 */
const SECOND_TRY = new Set<PrepareStep>([corrections, remarks]);

/** "🤔", "🙏", "👀": emoji (not text symbols such as "→" or "↔") say how the asker feels, never what is asked. */
const EMOJI = /[\p{Emoji_Presentation}\u{FE0F}\u{200D}]+/gu;

export function prepare(question: string, options: { remarks?: boolean } = {}): Prepared {
  let p: Prepared = { text: question.replace(EMOJI, " ").trim(), context: [] };
  // (A step that rewrites the text keeps what earlier steps noted.)
  for (const step of STEPS) if (options.remarks || !SECOND_TRY.has(step)) p = { ...p, ...step(p) };
  return p;
}
