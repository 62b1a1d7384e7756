import type { Prepared } from "./prepare.js";

/** "Looking at", "Considering", "If we look at", "When looking at": a lead that names what is asked about. */
const LEAD = [
  String.raw`(?:just\s+)?looking\s+at`,
  "considering",
  "taking",
  String.raw`if\s+(?:we|I|you)\s+(?:look\s+at|consider|take)`,
  String.raw`when\s+(?:looking\s+at|considering)`,
].join("|");
/** Up to the comma that ends the topic: a few words, no question word, no second clause. */
const TOPIC = String.raw`(?=[^,;:?]{3,90},\s*(?:how|what|which|who|is|are|do|does|can|give|list|count)\b)`;
const AT_START = new RegExp(String.raw`(^|[.?!]\s+)(?:${LEAD})\s+${TOPIC}`, "gi");
/** A topic before a colon: "Looking at L5 neurons that get input from L2/3 neurons: mean # of synapses …". */
// (Not before a question: "Looking at the m-types: how many L4b cells …" had become a count of the kinds.)
const BEFORE_COLON = new RegExp(
  String.raw`(^|[.?!]\s+)(?:${LEAD})\s+` +
    String.raw`(?=[^,;:?]{3,90}:\s*(?!(?:how|what|which|who|is|are|do|does|can|list|give)\b)\S)`,
  "gi",
);

/**
 * "Looking at all synapses made by bipolar cells, what fraction of them are onto MCs?", "Considering the
 * inputs of 8646…, how many …": a participle that opens the question names its topic, as "Of all synapses
 * made by bipolar cells, …" does; it is read as that "of", and every word of the topic is still read
 * (nothing is set aside). Not "I'm looking at …": a sentence about the asker is the discourse step's.
 */
export function topicLead(p: Prepared): Prepared {
  // (Before a colon the topic is a label the reader reads as it stands: the lead only says "about".)
  const text = p.text
    .replace(AT_START, (_, before: string) => `${before}Of `)
    .replace(BEFORE_COLON, (_, before: string) => before);
  return text === p.text ? p : { ...p, text };
}
