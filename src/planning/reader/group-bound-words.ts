import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DATA_DIR } from "../../project-root.js";
import type { Having } from "../plan.js";

const GroupBoundsFile = z.object({
  about: z.array(z.string()),
  groups: z.array(
    z.object({
      words: z.array(z.string().min(1)).min(1),
      dim: z.enum(["cell_type", "mtype", "area", "layer"]),
      per: z.string().min(1),
    }),
  ),
  sides: z.object({ pre: z.array(z.string().min(1)), post: z.array(z.string().min(1)) }),
  verbs: z.object({ pre: z.array(z.string()), post: z.array(z.string()), none: z.array(z.string()) }),
  perCell: z.array(z.string().min(1)),
  classes: z.record(z.string(), z.array(z.string().min(1))),
  units: z.array(z.string().min(1)),
});
type GroupBoundsFile = z.infer<typeof GroupBoundsFile>;

/** A word or phrase as a pattern: its special characters escaped, any run of spaces as any spaces. */
export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
/** Alternatives, longest first ("cell types" before "types"). */
const anyOf = (words: string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|");

export interface GroupBoundWords {
  file: GroupBoundsFile;
  /** The question's subject and verb: lead, class, side, group, verb, and the rest. */
  subject: RegExp;
}

let loaded: GroupBoundWords | undefined;

/** data/group-bounds.json and the pattern of a question about groups kept by a bound. */
export function groupBoundWords(): GroupBoundWords {
  if (loaded) return loaded;
  const file = GroupBoundsFile.parse(JSON.parse(readFileSync(join(DATA_DIR, "group-bounds.json"), "utf8")));
  const verbs = [...file.verbs.pre, ...file.verbs.post, ...file.verbs.none];
  const lead =
    String.raw`(?:(?<lead>which|what|list|name|show(?:\s+me)?|give\s+me|how\s+many|number\s+of|#)\s+)?` +
    String.raw`(?:(?:distinct|different)\s+)?`;
  const subject = new RegExp(
    String.raw`^(?<prefix>.*?)(?<![\w-])${lead}(?:(?:the|all|any)\s+)?` +
      String.raw`(?:(?<cls>${anyOf(Object.values(file.classes).flat())})\s+)?` +
      String.raw`(?:(?<side>${anyOf([...file.sides.pre, ...file.sides.post])})\s+)?` +
      String.raw`(?<group>${anyOf(file.groups.flatMap((g) => g.words))})\s+(?:(?:of\s+)?(?:cells|neurons)\s+)?` +
      String.raw`(?:(?:that|which)\s+)?(?<verb>${anyOf(verbs)})\s+(?<rest>.+?)\s*[?.!]*\s*$`,
    "i",
  );
  loaded = { file, subject };
  return loaded;
}

const NUMBER = String.raw`(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(%|percent\b|per\s*cent\b)?`;
/** Bounds as said, the longest forms first ("no more than" before "more than", ">=" before ">"). */
const BOUNDS: [RegExp, (n: number) => Having][] = [
  [new RegExp(String.raw`\bbetween\s+${NUMBER}\s+and\s+${NUMBER}`, "i"), (n) => ({ min: n, max: NaN })],
  [new RegExp(String.raw`(?:\bat\s+least|\bno\s+(?:fewer|less)\s+than|>=|≥)\s*${NUMBER}`, "i"), (n) => ({ min: n })],
  [new RegExp(String.raw`(?:\bat\s+most|\bno\s+more\s+than|<=|≤)\s*${NUMBER}`, "i"), (n) => ({ max: n })],
  [new RegExp(String.raw`\b${NUMBER}\s*(?:\+|or\s+more\b)`, "i"), (n) => ({ min: n })],
  [new RegExp(String.raw`\b${NUMBER}\s*or\s+(?:fewer|less)\b`, "i"), (n) => ({ max: n })],
  [
    new RegExp(
      String.raw`(?:\b(?:more|greater|larger|bigger|higher)\s+than|\bover|\babove|\bexceeding|>)\s*${NUMBER}`,
      "i",
    ),
    (n) => ({ min: n, minExclusive: true }),
  ],
  [
    new RegExp(String.raw`(?:\b(?:fewer|less|smaller|lower)\s+than|\bunder|\bbelow|<)\s*${NUMBER}`, "i"),
    (n) => ({ max: n, maxExclusive: true }),
  ],
];

export interface Bound {
  having: Having;
  percent: boolean;
  /** The words before and after the bound. */
  before: string;
  after: string;
  said: string;
}

/** The first bound said in the words ("more than 100", "at least 20%", "30+", "between 10 and 20"). */
export function boundIn(words: string): Bound | undefined {
  for (const [re, make] of BOUNDS) {
    const m = re.exec(words);
    if (!m) continue;
    const n = (s: string) => Number(s.replace(/,/g, ""));
    const having = make(n(m[1]!));
    if (Number.isNaN(having.max)) having.max = n(m[3]!);
    const percent = Boolean(m[2] || m[4]);
    const [before, after] = [words.slice(0, m.index).trim(), words.slice(m.index + m[0].length).trim()];
    return { having, percent, before, after, said: m[0].trim() };
  }
  return undefined;
}
