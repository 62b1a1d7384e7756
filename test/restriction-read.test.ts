import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BANK_DIR, loadBank } from "./support/bank.js";
import { reader } from "./support/reader-plans.js";

/**
 * The other direction of the metamorphic test: a restriction the tables CAN express, added to a question the reader
 * answers, must change the plan (or make the reader ask back); a plan that stays the same answered as if the words
 * were not there. Each answered question of the dev banks gets an area said last and a grouping by area, unless it
 * already names an area (then the words say nothing new). Found at stop 53: a restriction inside a definition said
 * as context ("…, meaning the BC also synapses back onto that same 23P cell with more than 100 inputs"), or inside
 * the cells a mean is said to be over ("taking the mean over all 5P-ET cells per area"), had been set aside with it.
 */
const ID = "864691135002260789";
const fill = (q: string) => q.replace(/\{[A-Z0-9_]+\}/g, ID);
const last = (phrase: string, q: string) => q.replace(/\s*([?.!]*)\s*$/, ` ${phrase}$1`);
const ADDED: [string, RegExp][] = [
  ["in LM", /\b(LM|lateromedial|areas?|HVAs?|higher visual|where)\b/i],
  ["per area", /\b(V1|LM|RL|AL|areas?|HVAs?|higher visual|visual cortex|where)\b/i],
];

describe("restrictions the data can express are read, never dropped", () => {
  it("changes the plan of every answered bank question once an area or a grouping by area is added", async () => {
    const lines = [...loadBank(), ...loadBank(join(BANK_DIR, "dev2"))].filter((l) => l.kind !== "refuse");
    const unchanged: string[] = [];
    let variants = 0;
    for (const line of lines) {
      const q = fill(line.q);
      const base = await reader.plan(q);
      if (base.type !== "plan") continue;
      for (const [phrase, said] of ADDED) {
        if (said.test(q)) continue;
        variants++;
        const r = await reader.plan(last(phrase, q));
        if (r.type === "plan" && JSON.stringify(r.plan) === JSON.stringify(base.plan)) unchanged.push(last(phrase, q));
      }
    }
    expect(variants).toBeGreaterThan(1000);
    expect(unchanged).toEqual([]);
  }, 600_000);
});
