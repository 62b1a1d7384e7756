import type { Prepared } from "./prepare.js";

const SCOPE_SENTENCE = new RegExp(
  String.raw`^(?:we(?:'re|’re| are)|i(?:'m|’m| am))\s+(?:only\s+)?` +
    String.raw`(?:looking at|focusing on|focused on|working with)\s+([^.:;?!]+?)\s+only\s*[.:;]\s+`,
  "i",
);
const LETS_RESTRICT = new RegExp(
  String.raw`^let(?:'s|’s| us)\s+(?:restrict|limit|stick|keep)\s+(?:it\s+|this\s+|ourselves\s+|things\s+)?to\s+` +
    String.raw`([^.:;?!]+?)(?:\s+only)?\s*[.:;]\s+`,
  "i",
);

const END = String.raw`(\s*[?.!]*)$`;
// "Per area, what's the mean number of synapses received per L5 IT cell?"
const PER_FIRST = new RegExp(String.raw`^per\s+((?:(?!\d{6})[^,]){2,40}?),\s*(.+?)${END}`, "i");
// "mean count of synapses coming from PV cells per 23P cell", "avg # syn onto 23P per BC"
const PER_FLOW = new RegExp(
  String.raw`\b(?:mean|avg\.?|average)\s+(?:#|number|count|no\.?)\s+(?:of\s+)?(?:syn|synapses?)\s+` +
    String.raw`(onto|to|from|coming from|received from)\s+(.+?)\s+per\s+(.+?)${END}`,
  "i",
);
// "Apart from 23P cells, which 3 cell types make the most synapses onto 5P-ET cells?"
const APART = String.raw`(?:apart from|except(?: for)?|excluding|other than|besides|aside from)`;
const EXCEPT_FIRST = new RegExp(
  String.raw`^${APART}\s+([^,]+?),\s*(which|what)\s+((?:\d+|one|two|three|four|five)\s+)?((?:cell\s+)?types?)\b`,
  "i",
);
// "where is the average gOSI of tuned cells the lowest?"
const WHERE_EXTREME = new RegExp(
  String.raw`\bwhere is (?:the )?(.+?) (?:the )?(lowest|highest|largest|smallest|biggest)${END}`,
  "i",
);

// "With 3 or more synapses from 8646…, which 23P cells are those?"
const WITH_FIRST = new RegExp(
  String.raw`^with\s+((?:at least|more than|over|>=?|≥)?\s*\d+[^,]*?\b(?:syn|synapses?|inputs?|outputs?)\b[^,]*),` +
    String.raw`\s*(which|what)\s+(.+?)(?:\s+(?:are|is)\s+(?:those|they|these|that|it))?${END}`,
  "i",
);

// "More than 50 inputs: what share of 23P cells pass that cutoff?", "… for what percentage of 23P is that true?"
const SHARE = String.raw`(?:what|which)\s+(?:share|fraction|proportion|percent(?:age)?|%)`;
const POINTED =
  String.raw`(?:(?:pass(?:es)?|meets?|clears?|makes?|exceeds?|(?:are|is)\s+(?:above|over))\s+` +
  String.raw`(?:that|this|the|it)(?:\s+(?:cutoff|threshold|bar|criterion|cut))?|(?:is|does)\s+(?:that|this)\s+` +
  String.raw`(?:true|hold|the\s+case))`;
const CUTOFF_FIRST = new RegExp(
  String.raw`^([^:]*\d[^:]*):\s*(?:for\s+)?(${SHARE})\s+of\s+(.+?)\s+${POINTED}${END}`,
  "i",
);

// "Among the 23P cells with proofread axons, which 10 have the most output synapses?"
const SMALL = String.raw`(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twenty)`;
const AMONG_WHICH = new RegExp(
  String.raw`^(?:among|amongst|of|out of)\s+(?:the\s+|all\s+(?:the\s+)?)?([^,:;]+?)\s*[,:;]?\s+` +
    String.raw`(which|what)\s+(${SMALL})` +
    String.raw`\s+(?:of\s+(?:them|those|these)\s+)?(?=(?:have|has|get|gets|receive|receives|make|makes|send|sends|` +
    String.raw`are|is|do|does)\b)`,
  "i",
);

// "MC vs BC as the postsynaptic cells: …", "BC vs MC as the sources"
// (Names of cells, not nouns or places: "23P cells as the targets" and "in V1 as targets" are left as said.)
const ITEM = String.raw`(?!(?:and|or|vs|versus|with|the|cells?|neurons?|V1|RL|AL|LM|L\d\S*)\b)[\w/+-]+`;
const SETS_AS_SIDE = new RegExp(
  String.raw`\b(${ITEM})\s+(vs\.?|versus)\s+(${ITEM})\s+as\s+(?:the\s+)?` +
    String.raw`(?:(postsynaptic|presynaptic|post|pre)\s+(?:cells?|neurons?|side|partners?)|(targets?|sources?))\b`,
  "gi",
);

// "ranked by output synapse count, what are the top 10 of the 23P cells whose axon has been proofread?"
const RANKED_FIRST = /^((?:ranked|sorted|ordered)\s+by\s+[^,:;]+?)\s*[,:;]\s*(.+?)(\s*[?.!]*)$/i;
const TOP_OF_THE = new RegExp(String.raw`\btop\s+(${SMALL})\s+of\s+(?:the|all(?:\s+the)?)\s+`, "gi");
const EACH_GROUP_IT = new RegExp(
  String.raw`(^|[.!?]\s+)for each (presynaptic|postsynaptic|target|source|input|output|upstream|downstream) ` +
    String.raw`(?:cell )?type\s*,\s*(.+?)\s+(?:from|onto|to) ` +
    String.raw`(?:it|them|that type)(\s*[?.!]*)`,
  "i",
);
// "…, rank the input types by synapse count: which three come first?": how many of the ranking, said last.
const WHICH_COME_FIRST = new RegExp(
  String.raw`\s*[,:;.]\s*(?:which|what)\s+(${SMALL})\s+(?:come|comes|are|rank|ranks|end up)\s+` +
    String.raw`(?:first|on top|at the top|highest|top)\s*\?*\s*$`,
  "i",
);

// "From 4P cells as the presynaptic side: …": a side said twice, by the preposition and again.
const SIDE_SAID_AGAIN = new RegExp(
  String.raw`\b(from|onto|to)\s+([^,:;]{1,40}?)\s+as\s+(?:the\s+)?(presynaptic|postsynaptic|pre|post)` +
    String.raw`\s+(?:side|cells?|neurons?|partners?)\b`,
  "gi",
);
// "with a 23P target and an SST (MC) source": one cell of a type on each side.
const ONE_OF_A_SIDE = /\b(?:a|an)\s+([\w/+-]+(?:\s+\([\w/+-]+\))?)\s+(target|source|partner cell)\b/gi;

const KIND = String.raw`((?:[\w/+-]+\s+){0,3}?(?:type|cell type|area|layer|class|m-?type|cell|neuron|root))`;
// "which is the interneuron type with the fewest cells", "the interneuron type with the lowest count is which?"
const WHICH_IS_THE = new RegExp(String.raw`\b(which|what) (?:is|'s) the ${KIND}\s+with the\b`, "i");
const IS_WHICH = new RegExp(String.raw`\bthe ${KIND} with the (.+?) (?:is|are) (?:which|what)${END}`, "i");

/**
 * Parts said first that the reader takes last, and ways of saying what is grouped or ranked:
 * "Per area, X?" is "X per area?"; "mean number of synapses from PV cells per 23P cell" is each
 * 23P cell's synapses from PV cells, averaged ("mean number of synapses from PV cells onto 23P cells
 * per 23P cell"); "Apart from 23P cells, which 3 cell types …" is "which 3 cell types other than 23P
 * cells …"; "where is X the lowest" is "which area has the lowest X"; "which is the type with the most
 * …" and "the type with the most … is which?" are "which type has the most …"; "With 3 or more synapses from
 * 8646…, which 23P cells are those?" is "which 23P cells get 3 or more synapses from 8646…"; "More than 50
 * inputs: what share of 23P cells pass that cutoff?" is "what share of 23P cells have more than 50 inputs?".
 */
/** "Looking at connected pairs where …: how many synapses per connection?": the pairs are what the question is of. */
const LOOKING_AT_PAIRS =
  /^looking\s+(?:only\s+)?at\s+(?=(?:the\s+|all\s+|every\s+)?(?:connected\s+)?(?:pairs|connections)\b)/i;

export function fronted(p: Prepared): Prepared {
  let text = p.text.replace(LOOKING_AT_PAIRS, "");
  const per = PER_FIRST.exec(text);
  if (per) text = `${per[2]} per ${per[1]}${per[3]}`;
  const flow = PER_FLOW.exec(text);
  if (flow) {
    const [all, rel, other, each, end] = flow as unknown as string[];
    const onto = /^(onto|to)$/i.test(rel!);
    const said = onto ? `from ${each} onto ${other}` : `from ${other} onto ${each}`;
    text = `${text.slice(0, flow.index)}mean number of synapses ${said} per ${each}${end}`;
    void all;
  }
  text = text.replace(EXCEPT_FIRST, (_, who: string, wh: string, n: string | undefined, types: string) => {
    return `${wh} ${n ?? ""}${types} other than ${who}`;
  });
  text = text.replace(SIDE_SAID_AGAIN, (all, rel: string, cells: string, side: string) => {
    const agrees = /^from$/i.test(rel) === /^pre/i.test(side);
    return agrees ? `${rel} ${cells}` : all;
  });
  text = text.replace(ONE_OF_A_SIDE, (all, name: string, role: string) => {
    if (!/[A-Z0-9]/.test(name) || /^partner/i.test(role)) return all;
    return `${/^target$/i.test(role) ? "postsynaptic" : "presynaptic"} ${name}`;
  });
  // ("Restricting to coregistered cells that …, how many …": a scope said first is "among"; said later, a
  // restriction's reach is not clear, and it is left unread.)
  text = text.replace(/^(?:restricting|restricted|limiting|limited|restrict)\s+(?:it\s+|this\s+)?to\s+/i, "among ");
  // ("We're looking at L4 only. How many …", "Let's restrict to V1. How many …": a scope said as a sentence first.
  // Only said with "only", or as a restriction: "I'm looking at PV inhibition onto …" is context.)
  text = text.replace(SCOPE_SENTENCE, "among $1, ").replace(LETS_RESTRICT, "among $1, ");
  // (An order said first is said last; "the top 10 of the 23P cells" is "the top 10 23P cells".)
  text = text.replace(RANKED_FIRST, (_, order: string, rest: string, end: string) => `${rest}, ${order}${end}`);
  text = text.replace(TOP_OF_THE, (_, n: string) => `top ${n} `);
  // ("Counting PV basket vs SST Martinotti cells in L4, how many of each are there?": the count is said again.)
  // (Not "Counting each root once", "Counting synapses onto BC, how many input types reach 200": those say what is
  // counted.)
  if (/\bhow many\b/i.test(text))
    text = text.replace(/^counting\s+(?!synapses|syn\b|connections|conns?\b|inputs|outputs|each\b)/i, "");
  // ("4P w/ >=15 syn from PV (summed) — roots": "roots" said alone, last, asks for the list of them.)
  text = text.replace(/\s*([—–,:]|\s-)\s*roots\s*([?.!]*)\s*$/i, ", list the roots$2");
  // ("per-cell mean of 23P output syn": the statistic per cell; "from 23P back onto BC": "back" says the way.)
  text = text.replace(/\bper[- ]cell\s+(mean|average|avg|median)\b/gi, "$1 per cell");
  text = text.replace(/\bback\s+(onto|to|into)\b/gi, "$1");
  // ("For each presynaptic cell type, how many synapses does 8646… receive from it?": "it" is each group; so in
  // "For each target cell type, … make onto it?".)
  text = text.replace(EACH_GROUP_IT, (_, before: string, said: string, rest: string, end: string) => {
    const side = /^(presynaptic|source|input|upstream)$/i.test(said) ? "presynaptic" : "postsynaptic";
    return `${before}${rest} per ${side} cell type${end}`;
  });
  if (/\b(?:rank|ranked|ranking|sort|sorted|order|ordered)\b/i.test(text))
    text = text.replace(WHICH_COME_FIRST, (_, n: string) => `, top ${n}`);
  // (The cells said first are the ones ranked: "which 10" had been read as the top one, or of the other side.)
  text = text.replace(AMONG_WHICH, (_, cells: string, wh: string, n: string) => `${wh} ${n} ${cells} `);
  // (The side said of two sets compared is each one's: they had been pooled into one population. One name with
  // its side, "with MC as targets", is read as said: rewritten, it changed an unread line's answer for the worse.)
  text = text.replace(SETS_AS_SIDE, (all, a: string, vs: string, b: string, side?: string, role?: string) => {
    // (Names as the lab writes them, "MC", "5P-IT": not "each one makes as the presynaptic side".)
    if (![a, b].every((x) => /[A-Z0-9]/.test(x))) return all;
    const post = /^post/i.test(side ?? "") || /^targets?$/i.test(role ?? "");
    const adjective = post ? "postsynaptic" : "presynaptic";
    return `${adjective} ${a} ${vs} ${adjective} ${b}`;
  });
  text = text.replace(WHERE_EXTREME, (_, what: string, extreme: string, end: string) => {
    return `which area has the ${extreme} ${what}${end}`;
  });
  // (The cells asked for get the synapses said first: from a cell they receive them, onto one they make them.)
  text = text.replace(WITH_FIRST, (_, said: string, wh: string, cells: string, end: string) => {
    const verb = /\bfrom\b/i.test(said) ? "get" : /\b(onto|to)\b/i.test(said) ? "make" : "have";
    return `${wh} ${cells} ${verb} ${said}${end}`;
  });
  // (The cutoff said first is what the share is of: the part, never the whole.)
  text = text.replace(CUTOFF_FIRST, (_, cutoff: string, share: string, cells: string, end: string) => {
    return `${share} of ${cells} have ${cutoff.trim()}${end}`;
  });
  text = text.replace(WHICH_IS_THE, "$1 $2 has the");
  text = text.replace(IS_WHICH, (_, kind: string, what: string, end: string) => `which ${kind} has the ${what}${end}`);
  return text === p.text ? p : { ...p, text };
}
