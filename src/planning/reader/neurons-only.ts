import type { Prepared } from "./prepare.js";

/** "neurons only", "only neurons", "only counting neurons", "(neurons only please)": said apart from the cells. */
const NEURONS_ONLY = new RegExp(
  String.raw`\(?\s*\b(?:(?:only|just)\s+(?:counting\s+|count\s+)?neurons|neurons\s+only|counting\s+only\s+neurons)` +
    String.raw`\b(?:\s+(?:please|pls|plz))?\s*\)?`,
  "gi",
);
/** The partners of one cell, with the side said before them ("downstream partners", "inputs"). */
const PARTNERS = new RegExp(
  String.raw`\b((?:(?:pre|post)-?syn(?:aptic)?|upstream|downstream|input|output)\s+)?(neuron\s+)?` +
    String.raw`(partners|inputs|outputs|targets|sources)\b`,
  "gi",
);

/**
 * "Neurons only please: who are the 3 strongest inputs to 8646…?", "# postsyn partners of 8646… (neurons
 * only)": a restriction to neurons said apart from the partners it restricts goes onto them ("the 3 strongest
 * neuron inputs"). It had been set aside as a way of counting, or put on the one named cell. Only when the
 * question names its partners once; otherwise the words stay for the reader.
 */
export function neuronsOnly(p: Prepared): Prepared {
  const said = [...p.text.matchAll(NEURONS_ONLY)];
  const partners = [...p.text.matchAll(PARTNERS)];
  if (said.length !== 1 || partners.length !== 1) return p;
  const [, side = "", , noun] = partners[0]!;
  const text = p.text
    .replace(PARTNERS, `${side}neuron ${noun}`)
    .replace(NEURONS_ONLY, " ")
    .replace(/^[\s,:;.!-]+/, "")
    .replace(/\s+([,?.!:;])/g, "$1")
    .replace(/,\s*([?.!]|$)/, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
  return { ...p, text };
}

/** "neurons (excitatory and inhibitory, non-neuronal cells excluded)", "neurons, excitatory plus inhibitory,". */
const NEURONS_DEFINED = new RegExp(
  String.raw`\bneurons\s*(\(|,)\s*(?:both\s+)?(?:excitatory|exc|E)\s*(?:and|\+|plus|&)\s*(?:inhibitory|inh|I)` +
    String.raw`(?:\s*[,;]?\s*(?:non-neuronal\s+cells\s+excluded|no\s+glia|glia\s+excluded|excluding\s+glia|` +
    String.raw`without\s+glia|not\s+glia|no\s+non-neuronal\s+cells))?\s*(\)|,)`,
  "gi",
);

/**
 * "How many neurons (excitatory and inhibitory, non-neuronal cells excluded) are there in each area?": what
 * neurons are, said again, is context (the two classes had been read as a grouping, one row per class and area).
 */
export function neuronsDefined(p: Prepared): Prepared {
  const context: string[] = [];
  const text = p.text.replace(NEURONS_DEFINED, (all, open: string, close: string) => {
    if ((open === "(") !== (close === ")")) return all;
    context.push(all.replace(/^neurons\s*[(,]\s*|\s*[),]$/gi, ""));
    return open === "(" ? "neurons" : "neurons,";
  });
  return text === p.text ? p : { ...p, text, context: [...p.context, ...context] };
}
