/**
 * `npm run sensitivity`: does every word of an answered question change its plan? For each question
 * of the read bank the reader answers, one edit at a time: a word swapped for a sibling that must
 * change the answer ("inputs" → "outputs", "V1" → "LM", "mean" → "median"), or a restriction added
 * ("… in LM", "with more than 3 synapses"). An edit that leaves the plan as it was, and answered, is
 * a word read and then not used: a place where a wrong answer can look right. Many are harmless (a
 * look-up shows both the orientation and the direction; "in LM" said twice), so this prints counts
 * per edit and, with --show EDIT, the questions, for a person to read; it is not a pass/fail test.
 *
 *   npm run sensitivity -- [--show EDIT] [--dir FOLDER]
 *
 * Only the read bank (never heldout/ or the *-aside folders): the unread part stays unread.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { OfflineReader } from "../../src/planning/reader/reader.js";
import { DATA_DIR } from "../../src/project-root.js";
import { Vocabulary } from "../../src/planning/vocabulary/vocabulary.js";
import { BANK_DIR, loadBank, type BankLine } from "../support/bank.js";

const { values } = parseArgs({ options: { show: { type: "string" }, dir: { type: "string" } } });

/** Siblings: the second word must read differently from the first wherever the first is read. */
const SWAPS: [string, string][] = [
  ["inputs", "outputs"],
  ["presynaptic", "postsynaptic"],
  ["upstream", "downstream"],
  ["mean", "median"],
  ["largest", "smallest"],
  ["most", "fewest"],
  ["V1", "LM"],
  ["L2/3", "L5"],
  ["BC", "MC"],
  ["23P", "4P"],
  ["axon", "dendrite"],
  ["excitatory", "inhibitory"],
  ["more than", "less than"],
  ["top 3", "top 4"],
  ["synapses", "connections"],
  ["coregistered", "uncoregistered"],
  ["with", "without"],
];

const AT_END = (words: string) => (q: string) => q.replace(/\s*([?.!]*)\s*$/, ` ${words}$1`);
/** Restrictions the data holds: each must narrow the question, or be asked back. */
const ADDITIONS: [string, (q: string) => string][] = [
  ["+ in LM", AT_END("in LM")],
  ["+ in layer 4", AT_END("in layer 4")],
  ["+ proofread axons only", AT_END(", proofread axons only")],
  ["+ with more than 3 synapses", AT_END("with more than 3 synapses")],
  ["+ V1 before a type", (q) => q.replace(/\b(BCs?|MCs?|23P|4P|5P-IT|5P-ET|6P-IT|6P-CT|BPC|NGC)\b/, "V1 $1")],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const word = (w: string) => new RegExp(`(?<![\\w/-])${escape(w)}(?![\\w/-])`, "i");
const EDITS: [string, (q: string) => string][] = [
  ...SWAPS.map(([a, b]): [string, (q: string) => string] => [`${a} → ${b}`, (q) => q.replace(word(a), b)]),
  ...ADDITIONS,
];

function readBank(): BankLine[] {
  if (values.dir) return loadBank(join(BANK_DIR, values.dir));
  const folders = readdirSync(BANK_DIR).filter((d) => statSync(join(BANK_DIR, d)).isDirectory() && /^dev\d+$/.test(d));
  return [...loadBank(), ...folders.flatMap((d) => loadBank(join(BANK_DIR, d)))];
}

async function main(): Promise<void> {
  const reader = new OfflineReader(Vocabulary.load(join(DATA_DIR, "vocabulary.json")));
  const plan = async (q: string) => {
    const r = await reader.plan(q);
    return r.type === "plan" ? JSON.stringify(r.plan) : undefined;
  };
  const counts = new Map(EDITS.map(([name]) => [name, { tried: 0, same: 0 }]));
  const shown: string[] = [];
  for (const line of readBank()) {
    if (line.kind === "refuse") continue;
    const q = line.q.replace(/\{[A-Z_0-9]+\}/g, "864691135000655679");
    const before = await plan(q);
    if (!before) continue;
    for (const [name, edit] of EDITS) {
      const edited = edit(q);
      if (edited === q) continue;
      const c = counts.get(name)!;
      c.tried++;
      if ((await plan(edited)) !== before) continue;
      c.same++;
      if (values.show === name) shown.push(edited);
    }
  }
  console.log("| edit | questions edited | plan unchanged |\n|---|---:|---:|");
  for (const [name, c] of counts) console.log(`| ${name} | ${c.tried} | ${c.same} |`);
  for (const q of shown) console.log(`  ${q}`);
}

await main();
