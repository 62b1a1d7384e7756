import type { Prepared } from "./prepare.js";
import { namesOf } from "./words.js";

const KIND =
  String.raw`(?:(?:excitatory|inhibitory|presynaptic|postsynaptic|target|source)\s+)?` +
  String.raw`(?:cell\s+type|cell-type|type|visual\s+area|area|cortical\s+layer|layer|m-?type)`;
const FRONT = new RegExp(
  String.raw`^\s*(?:for|in|across)\s+(?:each|every)\s+(?<kind>${KIND})(?<list>\s*\([^()]*\))?` +
    String.raw`\s*[,:]\s*(?<rest>.+)$`,
  "i",
);
const SUBJECT_PRONOUN = /\b(does|do|did)\s+(?:it|they)\s+/i;
const THAT = String.raw`(?:(?:cells|neurons)\s+(?:of|in)\s+)?(?:that|this|the\s+same|the\s+given)\s+(?:cell\s+)?`;

/**
 * "For each excitatory cell type, how many synapses do BCs make onto cells of that type?": a kind said first with
 * "each", then pointed back at ("cells of that type"), is the kind where it is pointed at: "… onto each excitatory
 * cell type". (The pointer had been left unread and the question asked back.) Only when it points at that kind.
 */
export function eachThenThat(p: Prepared): Prepared {
  const m = FRONT.exec(p.text)?.groups;
  if (!m) return p;
  // ("For each inhibitory type (BC, MC, BPC, NGC), how many synapses … does it make onto 5P-ET?": "it" is each type.)
  if (m.list && SUBJECT_PRONOUN.test(m.rest!))
    return { ...p, text: m.rest!.replace(SUBJECT_PRONOUN, `$1 each ${m.kind}${m.list} `) };
  if (m.list) return p;
  const noun = /(type|area|layer)$/i.exec(m.kind!.replace(/m-?type$/i, "mtype"))?.[1] ?? "mtype";
  const that = new RegExp(String.raw`\b${THAT}(${noun === "mtype" ? "m-?type" : noun})\b`, "i");
  if (!that.test(m.rest!)) return p;
  return { ...p, text: m.rest!.replace(that, `each ${m.kind}`) };
}

const GROUP_OWNER = new RegExp(
  String.raw`\b(each|every)\s+((?:visual\s+)?area|(?:cortical\s+)?layer|(?:cell[\s-])?type|m-?type)'s\s+` +
    String.raw`((?:[\w/+-]+\s+){0,2}?` +
    String.raw`(?:cells|neurons|interneurons|nuclei|somata|synapses|inputs|outputs|connections|roots))\b`,
  "gi",
);

/**
 * "what % of each area's neurons are inhibitory": the cells owned by each group are the cells in each group, as
 * "neurons in each area" says. ("neurons" had been read as part of the share, with every cell as the whole.)
 */
export function eachGroupsOwn(p: Prepared): Prepared {
  const text = p.text.replace(GROUP_OWNER, (_all, each: string, group: string, owned: string) => {
    const where = /area|layer/i.test(group) ? "in" : "of";
    return `${owned} ${where} ${each} ${group}`;
  });
  return text === p.text ? p : { ...p, text };
}

/** "the synapses that layer 4 pyramidal cells make": "that" before a layer or area named is a relative pronoun. */
const THAT_BEFORE_NAME = /\bthat\s+(?=(?:layer|area)\s+(?:\d|2\/3|[LV]\d|RL|AL|LM)\b)/gi;

/** "… of all neurons in that same area": "same" says again what "that" points at. */
const THAT_SAME = /\b(that|this)\s+same\s+(?=(?:area|layer|type|cell\s+type|m-?type|class)\b)/gi;
/** "of all the distinct nuclei in the coregistration table": every nucleus is distinct; the whole of a share. */
const ALL_DISTINCT = /\b(all\s+(?:the\s+)?)(?:distinct|unique)\s+(?=(?:nuclei|cells|neurons)\b)/gi;

export function thatBeforeAName(p: Prepared): Prepared {
  const text = p.text.replace(THAT_BEFORE_NAME, "").replace(THAT_SAME, "$1 ").replace(ALL_DISTINCT, "$1");
  return text === p.text ? p : { ...p, text };
}

const FRONT_CELLS = new RegExp(
  String.raw`^\s*(?:among|of|for|across|within|taking|considering|` +
    String.raw`(?<mean>averag(?:ed|ing)\s+over|on\s+average\s+over))` +
    String.raw`\s+(?:all\s+)?(?:the\s+)?` +
    String.raw`(?<cells>[^,:;?()]{1,60}?\b(?:cells|neurons|interneurons)(?:\s+(?:in|of)\s+[\w/-]+)?)` +
    String.raw`\s*[,:]\s*(?<rest>.+)$`,
  "i",
);
const EACH_ONE = new RegExp(
  String.raw`\beach(?:\s+one|\s+of\s+(?:them|those|these))?\s+(?=(?:receive|get|make|send|have|form|contact|target|` +
    String.raw`innervate|synapse)s?\b)`,
  "i",
);

/**
 * "Among coregistered 4P cells, how many synapses does each one receive from BCs, on average?": cells said first,
 * then "each one" of them, are the cells said each: "… does each coregistered 4P cell receive …". (The cells had
 * been read as a second population beside the BCs, and the question asked back.)
 */
export function eachOfFronted(p: Prepared): Prepared {
  const m = FRONT_CELLS.exec(p.text)?.groups;
  if (!m || !EACH_ONE.test(m.rest!) || !namesOf(m.cells!).length || /\d{15,20}/.test(m.cells!)) return p;
  const cells = m.cells!.replace(/\b(cell|neuron|interneuron)s\b/i, "$1");
  const text = m.rest!.replace(EACH_ONE, `each ${cells} `);
  // ("Averaged over all 23P cells, how many … does each one get?": the mean said first stays said.)
  return { ...p, text: m.mean ? text.replace(/\s*([?.!]*)\s*$/, ", on average$1") : text };
}

const SIDE_OWNS_KIND = new RegExp(
  String.raw`\b(?:the\s+)?(target|source|postsynaptic\s+cell|presynaptic\s+cell|postsynaptic\s+partner|` +
    String.raw`presynaptic\s+partner|partner|receiving\s+cell|sending\s+cell)(?:'s|’s)\s+` +
    String.raw`(cell\s+type|type|area|visual\s+area|layer|m-?type|class)\b`,
  "gi",
);
const SIDE_WORDS: Record<string, string> = { "receiving cell": "target", "sending cell": "source" };

/** "broken down by the interneuron's type": the kind of the cells named ("by interneuron type"). */
const CELLS_OWN_KIND =
  /\bby\s+the\s+([A-Za-z][\w/-]*)(?:'s|’s)\s+(cell\s+type|type|area|visual\s+area|layer|m-?type)\b/gi;

/** "by the target's cell type", "by the presynaptic cell's area": the kind of that side ("by target cell type"). */
export function sideOwnsKind(p: Prepared): Prepared {
  const text = p.text
    .replace(SIDE_OWNS_KIND, (_all, side: string, kind: string) => {
      const said = SIDE_WORDS[side.toLowerCase().replace(/\s+/g, " ")] ?? side.replace(/\s+cell$/i, "");
      return `${said} ${kind}`;
    })
    .replace(CELLS_OWN_KIND, "by $1 $2");
  return text === p.text ? p : { ...p, text };
}
