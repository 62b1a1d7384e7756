import type { PrepareStep } from "./prepare.js";
import { rootLead } from "./root-lead.js";
import { layerDepths, somaIn } from "./layer-words.js";
import { eachGroupsOwn, eachOfFronted, eachThenThat, sideOwnsKind, thatBeforeAName } from "./each-then-that.js";
import { fronted } from "./fronted.js";
import { withFlow } from "./with-flow.js";
import { cellsReached } from "./cells-reached.js";
import { sidesNamed } from "./sides-named.js";
import { boundsSaidAfter } from "./bounds-said-after.js";
import { comparedAfterShare } from "./compared-after-share.js";
import { sameFor } from "./same-for.js";
import { flowReversed } from "./flow-reversed.js";
import { flaggedPartners } from "./flagged-partners.js";
import { comparedLater } from "./compared-later.js";
import { shareWith } from "./share-with.js";
import { severalScans } from "./several-scans.js";
import { placesJoined } from "./places-joined.js";
import { anyArea, anySynapse, bothWithin, cellsCountedLast, ontoOtherCells } from "./scope-steps.js";
import { topicCells } from "./topic-cells.js";
import { topicRoot } from "./topic-root.js";
import { sidedConnections } from "./sided-connections.js";

/**
 * The last steps of the preparation (see prepare.ts): rewordings of fronted or pointed-back parts, sides and places
 * said apart, and one root or one set of cells named first. They run after the steps that set remarks aside.
 */
export const LAST_STEPS: PrepareStep[] = [
  eachThenThat,
  eachOfFronted,
  eachGroupsOwn,
  sideOwnsKind,
  thatBeforeAName,
  fronted,
  sidesNamed,
  boundsSaidAfter,
  comparedLater,
  comparedAfterShare,
  sameFor,
  flowReversed,
  flaggedPartners,
  withFlow,
  // ("… receive any input at all from BPC": "input", as "cells reached" reads it.)
  anySynapse,
  ontoOtherCells,
  cellsReached,
  shareWith,
  layerDepths,
  somaIn,
  bothWithin,
  placesJoined,
  severalScans,
  cellsCountedLast,
  anyArea,
  topicRoot,
  rootLead,
  topicCells,
  sidedConnections,
];
