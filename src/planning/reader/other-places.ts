import type { Prepared } from "./prepare.js";

/*
 * "synapses L2/3 neurons make onto neurons in other layers", "… whose target's soma is in a different layer", "V1
 * neurons → neurons in other areas": with one layer (or area) named, the other ones are all but it, said as "not in
 * L2/3" (the words had been left unread, or L2/3 read as both named and excluded). A restatement right after it
 * ("(not L2/3)", ", i.e. outside L2/3") says the same and is dropped.
 */

const LAYER = /\b(?:L|layer\s*)(1|2\/3|4|5|6a|6b|6)\b/gi;
const AREA = /\b(V1|RL|AL|LM)\b/g;
const OTHER = (noun: string) =>
  new RegExp(String.raw`\b(?:in|into)\s+(?:an?\s+|the\s+)?(?:other|different)\s+${noun}s?\b`, "gi");
const AGAIN = (name: string) =>
  new RegExp(
    String.raw`\s*(?:\(\s*(?:not|outside|excl\.?|excluding)\s+(?:in\s+)?${name}\s*\)|,?\s*i\.?e\.?,?\s+` +
      String.raw`(?:outside|not\s+in|not)\s+${name}\b)`,
    "gi",
  );

function otherOf(text: string, named: RegExp, noun: string, say: (v: string) => string): string {
  const values = [...new Set([...text.matchAll(named)].map((m) => m[1]!.toUpperCase()))];
  if (values.length !== 1 || !OTHER(noun).test(text)) return text;
  const name = say(values[0]!);
  const escaped = name.replace(/[/]/g, "\\/");
  return text.replace(OTHER(noun), `not in ${name}`).replace(AGAIN(escaped), "");
}

export function otherPlaces(p: Prepared): Prepared {
  let text = otherOf(p.text, LAYER, "layer", (v) => `L${v.toLowerCase()}`);
  text = otherOf(text, AREA, "(?:visual\\s+)?area", (v) => v);
  return text === p.text ? p : { ...p, text };
}
