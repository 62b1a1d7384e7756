import type { Prepared } from "./prepare.js";

const FLOW = String.raw`(inputs?|outputs?|input syn\w*|output syn\w*|syn\w*|partners?)`;
// ("# 23P recieving 50-80 input syn": two numbers joined by a dash, before what they count.)
const DASHED = new RegExp(String.raw`\b(\d{1,6})\s*[-–]\s*(\d{1,6})\s+${FLOW}\b`, "gi");
const BOUNDS =
  String.raw`(?:strictly\s+)?(?:between|over|above|under|below|more than|greater than|less than|fewer than|` +
  String.raw`no more than|no fewer than|at least|at most|>=?|<=?)`;
const BOUND = String.raw`(${BOUNDS}\s*\d+(?:\s+and\s+\d+)?)`;
// ("pyramids whose input synapse count is between 50 and 80", "interneurons with output synapse count above
// 100", "BCs with a partner count over 50": the count named, then its bound.)
const COUNT_SAID = new RegExp(
  String.raw`\b(?:whose|with(?:\s+an?)?)\s+(?:(input|output|incoming|outgoing)\s+)?(synapse\s+|syn\s+|partner\s+)?` +
    String.raw`counts?\s+(?:is\s+|are\s+|of\s+)?${BOUND}`,
  "gi",
);

// ("BCs with an output partner count of at least 50", said "with an # output partners of …" by now.)
const NUMBER_OF_SAID = new RegExp(
  String.raw`\bwith(?:\s+an?)?\s+#\s*((?:input|output)\s+)?(synapses|partners)\s+(?:of\s+|is\s+)?${BOUND}`,
  "gi",
);

// ("cells with 90+ output synapses": a per-cell count of at least that many, whatever it is grouped by.)
const PLUS = /\b(\d{1,6})\+\s+(?=(?:input|output|incoming|outgoing)\s+(?:syn|syns|synapses?|partners?)\b)/gi;

// ("preferred orientation in [45°, 90°)": an interval, each end kept or left out as its bracket says.)
const NUM = String.raw`(-?\d+(?:\.\d+)?)\s*(°|deg)?`;
const INTERVAL = new RegExp(String.raw`\bin\s+([[(])\s*${NUM}\s*,\s*${NUM}\s*([\])])`, "gi");

/**
 * A bound on a per-cell count said in other words: "50-80 input syn" is "between 50 and 80 input
 * syn"; "whose input synapse count is between 50 and 80" is "with between 50 and 80 input synapses".
 */
const flowWord = (f: string) => ({ incoming: "input", outgoing: "output" })[f.toLowerCase()] ?? f.toLowerCase();

/** The bound of a count named by its flow, its noun or both; a bare "synapse count" (in or out?) is left. */
function countSaid(said: string, flow: string | undefined, noun: string | undefined, bound: string): string {
  if (/^partner/i.test(noun ?? "")) return `with ${bound} ${flow ? flowWord(flow) + " " : ""}partners`;
  return flow ? `with ${bound} ${flowWord(flow)} synapses` : said;
}

export function countRanges(p: Prepared): Prepared {
  const text = p.text
    .replace(DASHED, "between $1 and $2 $3")
    .replace(PLUS, "at least $1 ")
    // ("how many have over 100 synapses coming in": the cells' inputs.)
    .replace(/\b(?:synapses|syns?)\s+coming\s+in\b/gi, "input synapses")
    .replace(/\b(?:synapses|syns?)\s+going\s+out\b/gi, "output synapses")
    .replace(COUNT_SAID, countSaid)
    .replace(NUMBER_OF_SAID, "with $3 $1$2")
    .replace(INTERVAL, (_, open: string, a: string, ua = "", b: string, ub = "", close: string) => {
      const unit = ua || ub;
      return `${open === "[" ? ">=" : ">"} ${a}${unit} and ${close === "]" ? "<=" : "<"} ${b}${unit}`;
    });
  return text === p.text ? p : { ...p, text };
}
