import type { Prepared } from "./prepare.js";

/** "restricted to V1 and to somata in L2/3", "limited to RL": the scope, up to the end of the clause. */
// (Not a sentence of its own, "My analysis is restricted to layer 2/3.", kept as said, to be asked about.)
const RESTRICTED = new RegExp(
  String.raw`(?<!\b(?:is|are|was|were|be|been)\s+)\b(?:restricted|restricting|limited|limiting|` +
    String.raw`narrowed(?:\s+down)?)\s+to\s+([^:;?.!]+)`,
  "gi",
);

/**
 * "Nucleus size of PV cells, restricted to V1 and to somata in L2/3": a scope said with "restricted to" is
 * "only …"; the "to" had been read as the target of a flow and the question asked back.
 */
export function restrictedTo(p: Prepared): Prepared {
  const text = p.text.replace(RESTRICTED, (_, scope: string) => `only ${scope.replace(/\band\s+to\s+/gi, "and ")}`);
  return text === p.text ? p : { ...p, text };
}
