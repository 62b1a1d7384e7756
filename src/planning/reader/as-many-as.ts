import type { Prepared } from "./prepare.js";

const TIMES_AS = /\bhow many times as (many|much|large|big|numerous)\b(.+?)\bas\b/gi;
// "total BC outputs as a multiple of total MC outputs?"
const MULTIPLE = /^(?:express\s+)?(?:the\s+)?(.+?)\s+as a multiple of\s+(?:the\s+|those\s+)?(.+?)(\s*[?.!]*)$/i;
// "by how much does the number of 23P cells exceed the number of 4P cells"
const NUMBER_OF = String.raw`(?:the )?(?:number|count) of`;
const EXCEED = new RegExp(
  String.raw`\bby how much (?:does|do|is|are) ${NUMBER_OF} (.+?) exceed ${NUMBER_OF} (.+?)(\s*[?.!]*)$`,
  "i",
);
// "by how much does the average size of synapses made by A exceed that of synapses made by B": a measure's excess is
// how much bigger it is.
const EXCEED_MEASURE = new RegExp(
  String.raw`\b(?:by )?how much (?:does|do|is|are) ((?:the )?(?!(?:number|count)\b)\w+ .+?) ` +
    String.raw`exceed (?:the )?(.+?)(\s*[?.!]*)$`,
  "i",
);
// "E:I ratio, # of neurons?", "E/I ratio of cells"
const EI_PAIR = String.raw`E\s*[:/]\s*I|E-I|exc\s*[:/]\s*inh`;
const EI_WORDS = String.raw`(?:${EI_PAIR}) ratio`;
const EI = new RegExp(
  String.raw`\b${EI_WORDS},?\s+(?:of\s+)?(?:the\s+)?(?:#\s*(?:of\s+)?|number of\s+)?(neurons|cells)\b`,
  "i",
);
// "E/I ratio (# exc neurons / # inh neurons)", "E/I ratio, i.e. the number of excitatory neurons divided by the number
// of inhibitory neurons,": the ratio's terms said again, as counts of cells, in the order of E/I.
const COUNT_OF = String.raw`(?:#\s*(?:of\s+)?|(?:the\s+)?(?:number|count)\s+of\s+)?`;
const EI_TERMS =
  String.raw`${COUNT_OF}(?:exc|excitatory|E)\s+(neurons|cells)\s*(?:\/|÷|divi?ded by|divded by|over)\s*` +
  String.raw`${COUNT_OF}(?:inh|inhibitory|I)\s+(?:neurons|cells)`;
const EI_CELLS_SAID = new RegExp(
  String.raw`\b(${EI_WORDS})(?:\s+of\s+(?:cells|neurons))?\s*(?:\(\s*${EI_TERMS}\s*(,[^()]*)?\)|` +
    String.raw`,?\s*(?:i\.?e\.?|that is|meaning),?\s+${EI_TERMS}\s*,?)`,
  "gi",
);
// "exc/inh syn ratio", "L2/3 E:I cell ratio": the noun said between the E/I words and "ratio".
const EI_NOUN_RATIO = new RegExp(
  String.raw`\b(${EI_PAIR})\s+(syn\w*|synapses?|inputs?|cells?|neurons?)\s+ratio\b`,
  "gi",
);
// "For every inhibitory neuron, how many excitatory neurons are there?"
const FOR_EVERY =
  /^for (?:every|each) (\w+) (?:neuron|cell),? how many (\w+) (neurons|cells)(?: are there)?(\s*[?.!]*)$/i;

// "do BCs make more synapses onto 23P than MCs do?": the second subject, with its own "do".
const THAN_THEY_DO = new RegExp(
  String.raw`\b(do|does|did)\s+(.+?)\s+(\w+)\s+(.+?)\s+than\s+((?:(?!\b(?:onto|from|to|into|in)\b)[\w/+-]+\s*){1,4}?)` +
    String.raw`\s*\b(?:do|does|did)\b\s*([?.!]*)\s*$`,
  "i",
);

// "ratio of the number of synapses from 23P onto BC to the number from BC onto 23P"
const SIDES = String.raw`from\s+.+?\s+(?:onto|to|into)\s+.+?`;
const RATIO_OF_FLOWS = new RegExp(
  String.raw`\b(?:the\s+)?ratio\s+of\s+(?:the\s+)?(?:number|count|#)\s+of\s+(synapses|connections)\s+(${SIDES})\s+` +
    String.raw`to\s+(?:that|those|the\s+(?:number|count|one))?\s*` +
    String.raw`(?:of\s+(?:synapses|connections)\s+)?(${SIDES})(\s*[?.!]*)$`,
  "i",
);
// "ratio #syn 23P→BC / BC→23P", "syn 23P->BC divided by BC->23P", "conn BC->23P / MC->23P ratio"
const FLOW = String.raw`[\w/-]+\s*(?:→|->)\s*[\w/-]+`;
const FLOWS_DIVIDED = new RegExp(
  String.raw`(?:\b(?:the\s+)?ratio\s+(?:of\s+)?)?((?:#\s*(?:of\s+)?)?\b(?:syn\w*|connections|conns?))\s+(${FLOW})\s*` +
    // (A "ratio" said after the flows says the division again: "conn BC->23P / MC->23P ratio pls".)
    String.raw`(?:/|÷|divided\s+by|over)\s*(?:(?:#\s*)?(?:syn\w*|connections|conns?)\s+)?(${FLOW})(?:\s+ratio\b)?`,
  "i",
);
// "BC->23P / MC->23P conn ratio": the counted noun said after the two flows.
const FLOWS_RATIO = new RegExp(
  String.raw`(${FLOW})\s*(?:/|÷)\s*(${FLOW})\s+(?:#\s*)?(syn\w*|connections|conns?)\s+ratio\b`,
  "i",
);

// "How many BC→23P synapses are there per MC→23P synapse?", "BC→23P syn per MC→23P syn"
const COUNTED = String.raw`(syn\w*|synapses?|connections?|conns?)`;
const FLOW_PER_FLOW = new RegExp(
  String.raw`^(?:how many\s+)?(${FLOW})\s+${COUNTED}\s+(?:are there\s+|do you get\s+)?per\s+(${FLOW})\s+${COUNTED}` +
    String.raw`(\s*[?.!]*)$`,
  "i",
);
// "In layer 2/3, how many excitatory neurons are there per inhibitory neuron?"
const CELLS_PER_CELL = new RegExp(
  String.raw`\bhow many ([\w/-]+) (neurons|cells) (?:are there |do we have |are in it |exist )?` +
    String.raw`(?:per|for (?:each|every)) ([\w/-]+) (?:neuron|cell)\b`,
  "i",
);

/** What a flow's noun counts: "# conn", "conns" count connections; "syn", "synapses" count synapses. */
const counted = (noun: string) => (/conn/i.test(noun) ? "connections" : "synapses");
/** Two flows divided, said as the reader reads a ratio: how many times more of the first than of the second. */
const timesMore = (noun: string, a: string, b: string, end = "") =>
  `how many times more ${counted(noun)} ${a} than ${b}${end}`;

/**
 * Comparisons of two results said as idioms, rewritten into the words the reader knows: "how many
 * times as many … as" and "A as a multiple of B" are "how many times more A than B" (a ratio); "by
 * how much does the number of A exceed that of B" is "how many more A than B"; "E:I ratio of neurons"
 * and "for every inhibitory neuron, how many excitatory ones" are "ratio of excitatory to inhibitory
 * neurons"; a ratio of two flows ("#syn 23P→BC / BC→23P") is how many times more of the first.
 */
export function asManyAs(p: Prepared): Prepared {
  let text = p.text.replace(TIMES_AS, (_, how: string, between: string) => {
    const more = /^(many|much|numerous)$/i.test(how) ? "more" : how.toLowerCase() === "big" ? "bigger" : "larger";
    return `how many times ${more}${between}than`;
  });
  // (As "do BCs or MCs make more synapses onto 23P": the two subjects side by side, in the order said.)
  text = text.replace(
    THAN_THEY_DO,
    (_, aux: string, a: string, verb: string, rest: string, b: string, end: string) =>
      `${aux} ${a} or ${b.trim()} ${verb} ${rest}${end}`,
  );
  const multiple = MULTIPLE.exec(text);
  if (multiple) text = `how many times more ${multiple[1]} than ${multiple[2]}${multiple[3]}`;
  const exceed = EXCEED.exec(text);
  if (exceed) text = `${text.slice(0, exceed.index)}how many more ${exceed[1]} than ${exceed[2]}${exceed[3]}`;
  const excess = exceed ? null : EXCEED_MEASURE.exec(text);
  if (excess) text = `${text.slice(0, excess.index)}how much bigger is ${excess[1]} than ${excess[2]}${excess[3]}`;
  // ("How many more synapses go from BC onto 23P than …": the verb of going says nothing more.)
  text = text.replace(
    /\bhow many more (synapses|connections|syn)\s+(?:go|goes|are there|are made|run|are)\s+(?=from\b)/gi,
    "how many more $1 ",
  );
  text = text.replace(EI_NOUN_RATIO, (_, ei: string, noun: string) => {
    const cells = /^(cell|neuron)$/i.test(noun) ? `${noun}s` : noun;
    return `${ei} ratio of ${cells}`;
  });
  text = text.replace(
    EI_CELLS_SAID,
    (_, ei: string, cells?: string, rest?: string, cells2?: string) => `${ei} of ${cells ?? cells2}${rest ?? ""}`,
  );
  text = text.replace(EI, "ratio of excitatory to inhibitory $1");
  // (A ratio of two flows is how many times more of the one than of the other, in the order said.)
  text = text.replace(RATIO_OF_FLOWS, "how many times more $1 $2 than $3$4");
  text = text.replace(FLOWS_DIVIDED, (_, noun: string, a: string, b: string) => timesMore(noun, a, b));
  text = text.replace(FLOWS_RATIO, (_, a: string, b: string, noun: string) => timesMore(noun, a, b));
  text = text.replace(FLOW_PER_FLOW, (all, a: string, n1: string, b: string, n2: string, end: string) =>
    counted(n1) === counted(n2) ? timesMore(n1, a, b, end) : all,
  );
  text = text.replace(CELLS_PER_CELL, (_, a: string, cells: string, b: string) => `ratio of ${a} to ${b} ${cells}`);
  // ("5P-ET out/in syn ratio": outputs over inputs.)
  text = text.replace(/\b(out|in)\s*\/\s*(in|out)\b(?=\s+(?:syn\w*|synapses?)?\s*ratio\b)/i, (_, a: string) =>
    /^out$/i.test(a) ? "output to input" : "input to output",
  );
  const every = FOR_EVERY.exec(text);
  if (every) text = `ratio of ${every[2]} to ${every[1]} ${every[3]}${every[4]}`;
  return text === p.text ? p : { ...p, text };
}
