/**
 * Splits a question into sentences, in the words typed. A full stop ends a sentence only before
 * a letter, a digit, a quote or a bracket, and never after an abbreviation ("et al.", "Fig.",
 * "e.g.", "vs."), an initial ("J. Smith") or inside brackets; a question or exclamation mark ends
 * one before any space; so do line breaks. Decimals, ids and names like "L2/3" have no space after
 * their dots and are never split.
 */
const PREAMBLE_END = /^(\S: | [—–-] )$/;
const QUESTION_START = new RegExp(
  String.raw`^\s*(?:(how many|how much|how|what|which|who|where|can you|could you|do we|does|is there|are there|` +
    String.raw`among|in total|give me|list|show)\b|[#%])`,
  "i",
);

/**
 * "I'm looking at 8646…, an L5 IT cell, and I was wondering which …": the asker's background and the question,
 * joined by "and I was wondering", are two sentences (the background is then read as context, as it is when
 * written as a sentence of its own).
 */
const WONDERING_JOIN =
  /,?\s+and\s+(?=(?:I|we)(?:'m|'d|\s+was|\s+am|\s+were|\s+are|\s+would)?\s+(?:wondering|hoping|curious|wonder)\b)/iy;

export function splitSentences(text: string, abbreviations: Set<string>): string[] {
  const out: string[] = [];
  let start = 0;
  let depth = 0;
  const cut = (end: number) => {
    const s = text.slice(start, end).trim();
    if (s) out.push(s);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    else if (c === "\n" && depth === 0) cut(i);
    // ("quick sanity check before lab meeting: how many …", "for the feedback story: how many …": a
    // colon or a spaced dash after a short label, before a question, starts one.)
    // (Only a short label: a longer lead, "I want to check …: what is …", is read whole, as before.)
    const label = text.slice(start, i).trim();
    // (Greetings and "my question is:" are leads the discourse step knows already.)
    const short =
      label.split(/\s+/).length <= 6 &&
      !/^(i|we|my|our|to)\b/i.test(label) &&
      !/\b(question|hi|hey|hello)\b/i.test(label) &&
      // ("By visual area of the soma: how many …": a grouping said first is part of the question, not a label.)
      !/^(by|per|for\s+(each|every)|split|broken|grouped|across|in\s+each)\b/i.test(label);
    if (depth === 0 && short && PREAMBLE_END.test(text.slice(i - 1, i + 2)) && QUESTION_START.test(text.slice(i + 1))) {
      cut(i + 1);
      continue;
    }
    WONDERING_JOIN.lastIndex = i;
    const joined = depth === 0 && (c === "," || c === " ") && WONDERING_JOIN.exec(text);
    if (joined) {
      cut(i);
      start = i + joined[0].length;
      i = start - 1;
      continue;
    }
    if (depth > 0 || !/[.!?]/.test(c)) continue;
    // The run of stops and closing quotes that ends here ("?!", ".\"").
    let end = i + 1;
    while (end < text.length && /[.!?"'”’)]/.test(text[end]!)) end++;
    const after = text.slice(end);
    if (after.length && !/^\s/.test(after)) {
      i = end - 1;
      continue;
    }
    const next = after.trimStart()[0];
    const stop = text.slice(i, end);
    // (Chat is often lower case: "… by soma depth I mean. no rush, thanks!!" is two sentences too.)
    // ("grant due fri. # inh neurons per area?": "#" and "%" open a terse question.)
    const opens = next !== undefined && /^[A-Za-z0-9"“'‘(\[#%]/.test(next);
    const ends = /[!?]/.test(stop) || next === undefined;
    if (ends || (opens && !abbreviated(text.slice(start, i), abbreviations))) cut(end);
    i = end - 1;
  }
  cut(text.length);
  return out;
}

/** The word before a full stop is an abbreviation or an initial. */
function abbreviated(before: string, abbreviations: Set<string>): boolean {
  const word = /([A-Za-z][A-Za-z.]*)$/.exec(before)?.[1];
  if (!word) return false;
  if (/^[A-Z]$/.test(word)) return true;
  // ("… for a sec. L4c, L4b and L4a separately": "a sec", "a min" are a moment, not Sec. or min.)
  if (/\b(?:a|one)\s+(?:sec|min)$/i.test(before)) return false;
  return abbreviations.has(word.toLowerCase()) || abbreviations.has(word.toLowerCase().replace(/\.$/, ""));
}
