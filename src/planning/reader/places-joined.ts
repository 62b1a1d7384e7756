import { LAYER } from "./layer-words.js";
import type { Prepared } from "./prepare.js";

/** A visual area or a layer by name. */
export const PLACE = String.raw`(?:V1|RL|AL|LM|${LAYER})`;

/** "neurons in V1 and in LM", "BCs in L4 vs in L5": places of one kind, the "in" said twice, are a list. */
export function placesJoined(p: Prepared): Prepared {
  const joined = new RegExp(
    String.raw`\b(in|within)\s+(${PLACE})(\s*,?\s*(?:and|or|vs\.?|versus|&))\s+in\s+(${PLACE})\b`,
    "gi",
  );
  // ("in L2/3, in L4 and in L5": three.)
  const three = new RegExp(
    String.raw`\b(in|within)\s+(${PLACE})\s*,\s*in\s+(${PLACE})(\s*,?\s*(?:and|or))\s+in\s+(${PLACE})\b`,
    "gi",
  );
  const area = (x: string) => /^(V1|RL|AL|LM)$/i.test(x);
  const text = p.text
    .replace(three, (all, at: string, a: string, b: string, and: string, c: string) =>
      area(a) === area(b) && area(b) === area(c) ? `${at} ${a}, ${b}${and} ${c}` : all,
    )
    .replace(joined, (all, at: string, a: string, and: string, b: string) =>
      area(a) === area(b) ? `${at} ${a}${and} ${b}` : all,
    );
  return text === p.text ? p : { ...p, text };
}
