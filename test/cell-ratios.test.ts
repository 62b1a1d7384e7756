import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";
import { gold } from "./support/raw-tables.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * "ratio of V1 neurons to RL neurons" (dev28, the reviewer): a ratio of two sets of cells, counted. It had been
 * read as a ratio of the two sets' output synapses, a wrong number that looked right.
 */
const neuronsIn = (area: string) => [
  { dim: "area", values: [area] },
  { dim: "class", values: ["neuron"] },
];

describe("a ratio of two sets of cells", () => {
  it.each([
    ["What is the actual ratio of V1 neurons to RL neurons?", neuronsIn("V1"), neuronsIn("RL"), []],
    [
      "ratio of inhibitory to excitatory cells per layer",
      [{ dim: "class", values: ["inhibitory"] }],
      [{ dim: "class", values: ["excitatory"] }],
      [{ dim: "layer" }],
    ],
  ])("%s: their counts, one over the other", async (q, numerator, denominator, groupBy) => {
    expect(await planOf(q)).toMatchObject({
      source: "cells",
      measure: { fn: "ratio", numerator: { filter: numerator }, denominator: { filter: denominator } },
      groupBy,
    });
  });

  it.each([
    "ratio of the mean nucleus volume of 5P-ET cells to that of 23P cells",
    "ratio of mean nucleus volume 5P-ET to 23P",
  ])("%s: the two sets' means, the first over the second", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "cells",
      measure: { fn: "mean", of: "volume" },
      compare: [
        { filter: [{ dim: "cell_type", values: ["5P-ET"] }] },
        { filter: [{ dim: "cell_type", values: ["23P"] }] },
      ],
      contrast: "ratio",
    });
  });

  it("still reads synapses when they are said", async () => {
    expect(await planOf("ratio of BC to MC synapses onto 23P")).toMatchObject({ source: "synapses" });
  });
});

describe("cell ratios and compared sets, answered on the raw exports", () => {
  const store = useChatOnRaw(["aibs_metamodel_celltypes_v661", "nucleus_functional_area_assignment"]);
  const neurons = (area: string) =>
    Number(
      gold(
        store.raw,
        "SELECT count(*) FROM ct JOIN nucleus_functional_area_assignment g ON g.target_id = ct.target_id WHERE g.tag = ? " +
          "AND ct.classification_system IN ('excitatory_neuron', 'inhibitory_neuron')",
        area,
      ),
    );

  it("divides the V1 neuron count by the RL one", async () => {
    const answer = await store.chat.answer("What is the actual ratio of V1 neurons to RL neurons?");
    expect(answer.status, answer.text).toBe("answered");
    const cols = answer.table!.columns;
    const row = answer.table!.rows[0]!;
    expect([row[cols.indexOf("numerator")], row[cols.indexOf("denominator")]]).toEqual([neurons("V1"), neurons("RL")]);
  });

  it("divides the first set's mean depth by the second's, in the order said", async () => {
    const answer = await store.chat.answer("ratio of median depth of MC to BC");
    expect(answer.status, answer.text).toBe("answered");
    const median = (type: string) => {
      // (Positions are packed as "[x y z]" in the export; depth is y in 4 nm voxels, below the pia at 400 µm.)
      const rows = store.raw.prepare("SELECT pt_position p FROM ct WHERE cell_type = ?").all(type) as { p: string }[];
      const depths = rows.map((r) => (Number(r.p.slice(1, -1).trim().split(/\s+/)[1]) * 4) / 1000 - 400);
      depths.sort((x, y) => x - y);
      const m = depths.length >> 1;
      return depths.length % 2 ? depths[m]! : (depths[m - 1]! + depths[m]!) / 2;
    };
    const last = answer.table!.rows.at(-1)!;
    expect(String(last[0])).toMatch(/^ratio \(MC \/ BC\)$/);
    expect(Number(last[1])).toBeCloseTo(median("MC") / median("BC"), 6);
  });

  it("says the condition every compared set holds in the answer's first line, as in the reading", async () => {
    const answer = await store.chat.answer("V1 vs HVA 23P counts");
    expect(answer.status, answer.text).toBe("answered");
    expect(answer.text.split("\n")[0]).toMatch(/^Number of layer 2\/3 pyramidal cells \(23P\), per compared set/);
  });
});
