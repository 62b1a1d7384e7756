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

  it("says the condition every compared set holds in the answer's first line, as in the reading", async () => {
    const answer = await store.chat.answer("V1 vs HVA 23P counts");
    expect(answer.status, answer.text).toBe("answered");
    expect(answer.text.split("\n")[0]).toMatch(/^Number of layer 2\/3 pyramidal cells \(23P\), per compared set/);
  });
});
