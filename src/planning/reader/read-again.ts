import type { PlannerResult } from "../plan.js";
import { denominatorSaid } from "./denominator-said.js";
import { cellsAboveAShare } from "./cells-above-a-share.js";
import { averagedOver } from "./averaged-over.js";
import { contrastSaidApart } from "./contrast-said-apart.js";
import { differentFrom } from "./different-from.js";
import { dividedMeans, twoWithoutContrast } from "./divided-means.js";
import { bareCellsAsWhich, listAsWhich } from "./list-as-which.js";
import { nestedStatistic, totalReadPerCell, totalReadPerConnection } from "./nested-statistics.js";
import { restatingParentheticals } from "./parentheticals.js";
import { partnersInCommon } from "./partners-in-common.js";
import { partnersOrRanked } from "./partners-or-ranked.js";
import { idsNotGiven } from "./ids-not-given.js";
import { thanTheTop } from "./than-the-top.js";
import { eachAsTotal } from "./each-as-total.js";
import { restatedTail } from "./restated-tail.js";
import { synapseShareOfConnections } from "./synapse-share-of-connections.js";
import { yesNoFirst } from "./yes-no-first.js";

/**
 * The question read again after its first reading, by rules that each know one way of saying a question the
 * first reading misses or misreads: some read a part or a rewording afresh (`reread`) where the first was asked
 * back; others ask back a reading that would answer another question. In order; each sees the result so far.
 */
export async function readAgain(
  question: string,
  first: PlannerResult,
  reread: (q: string) => Promise<PlannerResult>,
): Promise<PlannerResult> {
  let result = first;
  // ("list the BCs with at least 3 synapses onto 8646…": asked as "which BCs …".)
  if (result.type === "clarify") result = (await listAsWhich(question, reread)) ?? result;
  // ("which BCs send more than 40% of their outputs onto 23P": each cell's share, bounded.)
  if (result.type === "clarify") result = (await cellsAboveAShare(question, reread)) ?? result;
  // ("…, taking the mean over all 5P-ET cells": the cells of a mean said again.)
  if (result.type === "clarify") result = (await averagedOver(question, reread)) ?? result;
  // ("…, i.e. the one with the most synapses onto it": a restatement whose own plan is the first's.)
  if (result.type === "clarify") result = (await restatedTail(question, reread)) ?? result;
  // ("mean nuc vol 5P-ET / mean nuc vol 23P": two sets' measure, one over the other.)
  if (result.type === "clarify") result = (await dividedMeans(question, reread)) ?? result;
  // ("mean nuc vol 5P-ET / 23P": the spaced slash had been read as "or", each set's mean, not their ratio.)
  if (twoWithoutContrast(result)) result = (await dividedMeans(question, reread)) ?? result;
  // ("ratio of mean nuc vol 5P-ET vs 23P", "BC vs MC mean size, difference?": the contrast as a word apart.)
  if (result.type === "clarify") result = (await contrastSaidApart(question, reread)) ?? result;
  // ("# 23P cells w/ >80 inputs (syn)": parentheticals that say again what the rest of the question says.)
  if (result.type === "clarify") result = (await restatingParentheticals(question, reread)) ?? result;
  // ("the average of their mean incoming synapse sizes", "w/ >=4 syn total onto 23P": asked back.)
  result =
    nestedStatistic(question, result) ??
    totalReadPerConnection(question, result) ??
    totalReadPerCell(question, result) ??
    result;
  result = (await yesNoFirst(question, result, reread)) ?? result;
  // ("shared targets of A & B": the roots on that side of both; "BCs w/ >=3 syn onto 8646…": the BCs.)
  result = partnersInCommon(question, result) ?? result;
  // ("partners in a different visual area from 8646…'s own": two cells' areas compared, which no plan says.)
  result = differentFrom(question, result) ?? result;
  // ("% of syn from partners w/ ≥2 syn": a share of synapses, which a share of connections does not answer.)
  result = synapseShareOfConnections(question, result) ?? result;
  // ("which interneuron type gets the most inputs per cell? rank BC MC BPC NGC": the groups, not the senders.)
  result = partnersOrRanked(result) ?? result;
  // ("per area: BC w/ max output syn (root id)": ids asked, a figure per group read.)
  result = idsNotGiven(question, result) ?? result;
  // ("23P cells with more inputs than the BC with the most inputs": a bound found by another question.)
  result = thanTheTop(question, result) ?? result;
  // ("how many output synapses does each one have?": each cell's count, read as the total.)
  result = eachAsTotal(question, result) ?? result;
  result = (await bareCellsAsWhich(question, result, reread)) ?? result;
  // ("% of 23P output syn onto inh neurons (denom = all 23P outputs)": the share's whole said again.)
  result = (await denominatorSaid(question, result, reread)) ?? result;
  return result;
}
