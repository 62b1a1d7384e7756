import type { PlannerResult } from "../plan.js";
import { askedBack } from "./nested-statistics.js";

/**
 * "in a different visual area from 8646…'s own", "another layer than its own", "a different type than the
 * presynaptic cell": one cell's place or kind compared with another's. The plan language has no condition that
 * compares two cells, and "different" had been read as "distinct" (one row per area), so it is asked back.
 * ("different areas", "distinct types": groupings, said in the plural and with no "from"/"than", stay read.)
 */
const ANOTHER = String.raw`(?:a|an)\s+(?:different|diff|differnt|other)|another`;
const DIM = String.raw`(?:(?:visual|brain|cortical|soma)\s+)?(?:areas?|layers?|types?|cell\s+types?|class|regions?)`;
const DIFFERENT_FROM = new RegExp(
  String.raw`\b(?:${ANOTHER})\s+${DIM}\b|\b(?:different|diff|differnt|other)\s+${DIM}\s+(?:from|than)\b`,
  "i",
);

export function differentFrom(question: string, result: PlannerResult): PlannerResult | undefined {
  if (result.type !== "plan" || !DIFFERENT_FROM.test(question)) return undefined;
  return askedBack(
    result,
    "I cannot compare one cell's area, layer or type with another's yet. Ask for the partners per area (or " +
      'per type), e.g. "postsynaptic partners of 8646… per area", and compare with the cell\'s own.',
  );
}
