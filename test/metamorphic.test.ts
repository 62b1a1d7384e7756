import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OfflineReader } from "../src/planning/reader/reader.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";
import { DATA_DIR } from "../src/project-root.js";
import { BANK_DIR, loadBank } from "./support/bank.js";

/**
 * The failure direction, measured: a restriction the tables cannot express, added to a question the
 * reader answers, must make it ask back (or refuse), never answer as if the restriction were absent.
 * Every answered question of the dev banks gets two of these restrictions, one said first and one
 * said last; fewer than 2% of the variants may be answered (the target; today none are).
 *
 * The restrictions here are not the ones the reader was tuned on (those were "left hemisphere",
 * "male mice", "layer 7", "V2", "older than P60" …): they measure whether the mechanism generalizes.
 */
const RESTRICTIONS = [
  "in female mice",
  "during locomotion",
  "in the right hemisphere",
  "with thin spines",
  "in layer 8",
  "in area V4",
  "at P30",
  "after training",
  "in the striatum",
  "near capillaries",
  "under isoflurane",
  "in knockout mice",
  "on the basal dendrites",
  "in juvenile animals",
  "during visual stimulation",
  "with bursting firing patterns",
  "in the contralateral cortex",
  "at the end of the session",
  "in Pvalb-Cre animals",
  "with GCaMP6s expression",
];

const ID = "864691135002260789";
const fill = (q: string) => q.replace(/\{[A-Z0-9_]+\}/g, ID);
const first = (phrase: string, q: string) =>
  `${phrase[0]!.toUpperCase()}${phrase.slice(1)}, ${q[0]!.toLowerCase()}${q.slice(1)}`;
const last = (phrase: string, q: string) => q.replace(/\s*([?.!]*)\s*$/, ` ${phrase}$1`);

describe("restrictions the data cannot express are asked back, never dropped", () => {
  it("answers under 2% of the answered bank questions once a restriction is added", async () => {
    const reader = new OfflineReader(Vocabulary.load(join(DATA_DIR, "vocabulary.json")));
    const lines = [...loadBank(), ...loadBank(join(BANK_DIR, "dev2"))].filter((l) => l.kind !== "refuse");
    let variants = 0;
    const answered: string[] = [];
    for (const [i, line] of lines.entries()) {
      const q = fill(line.q);
      if ((await reader.plan(q)).type !== "plan") continue;
      for (const v of [
        first(RESTRICTIONS[i % RESTRICTIONS.length]!, q),
        last(RESTRICTIONS[(i + 7) % RESTRICTIONS.length]!, q),
      ]) {
        variants++;
        const r = await reader.plan(v);
        if (r.type === "plan") answered.push(v);
      }
    }
    console.log(`metamorphic: ${answered.length} of ${variants} variants with an unknown restriction answered`);
    for (const a of answered) console.log(`  answered: ${a}`);
    expect(variants).toBeGreaterThan(1500);
    expect(answered.length / variants, answered.slice(0, 20).join("\n")).toBeLessThan(0.02);
  }, 300_000);
});
