import type { Query } from "../plan.js";
import type { Clause } from "./clause.js";
import { measuredCellsOfFlow } from "./measured-cells.js";
import { perCellOfFlow, perCellPartners } from "./per-cell-flow.js";
import { perCellOfKind } from "./per-cell-kind.js";
import { reciprocalPairs, reciprocatedShare } from "./reciprocal-pairs.js";

/** Questions of a flow read whole, each by its own reader, before the parts of a flow are read. */
const WHOLE = [reciprocalPairs, reciprocatedShare, perCellOfFlow, perCellOfKind, perCellPartners, measuredCellsOfFlow];

/** The plan of the first reader that reads the question whole, if any. */
export const wholeFlow = (c: Clause): Query | undefined =>
  WHOLE.reduce<Query | undefined>((q, read) => q ?? read(c), undefined);
