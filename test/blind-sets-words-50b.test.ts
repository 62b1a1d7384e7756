import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Words found at stop 50, continued from blind-sets-words-50.test.ts: the read parts of dev81 to dev88 (two roots,
 * shares of connections, rankings said in other words, purposes and topics said around the question).
 */

describe("two roots named first, then a question of each one", () => {
  it("For the basket cell A and the Martinotti cell B, how many partners does each one contact …", async () => {
    const q =
      "For the basket cell 864691135300382104 and the Martinotti cell 864691135488302306, how many postsynaptic " +
      "partners does each one contact with at least 3 synapses?";
    const plan = (await planOf(q)) as { compare: { label: string }[] };
    expect(plan).toMatchObject({ source: "connections", filter: [{ dim: "synapses", min: 3 }] });
    expect(plan.compare.map((p) => p.label)).toEqual(["864691135300382104", "864691135488302306"]);
  });

  it("a root described by its kind is labelled by its id", async () => {
    const plan = (await planOf("# targets w/ >=3 syn: 864691135300382104 (BC) vs 864691135488302306 (MC)")) as {
      compare: { label: string }[];
    };
    expect(plan.compare.map((p) => p.label)).toEqual(["864691135300382104", "864691135488302306"]);
  });

  it("cells of two kinds and 'each one' stay asked back (each cell, or the total?)", async () => {
    expect(await planOf("For the BCs and the MCs, how many output synapses does each one have?")).toBe("clarify");
  });
});

describe("the difference said again in a sentence of its own", () => {
  it("is the contrast read", async () => {
    const q =
      "How much larger is the average nucleus of a 5P-ET cell than that of a 5P-IT cell? Give me the difference in " +
      "mean nucleus volume.";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "mean", of: "volume" }, contrast: "difference" });
  });

  it("is asked back when the rest has no two to take apart", async () => {
    expect(await planOf("mean nucleus volume of 5P-ET? give me the difference")).toBe("clarify");
  });
});

describe("more words of the read sets", () => {
  it.each([
    [
      "Which m-types do the basket cells get assigned, and how many basket cells are in each?",
      { groupBy: [{ dim: "mtype" }] },
    ],
    [
      "among all the neurons with tuning data, counting those whose preferred orientation lies from 60° to 120°: " +
        "how many?",
      { filter: [{ dim: "tuned" }, { dim: "pref_ori", min: 60, max: 120 }] },
    ],
  ])("%s", async (q, want) => {
    expect(await planOf(q)).toMatchObject(want);
  });
});

describe("shares of connections and of one root's partners", () => {
  it("the share of a root's partners that get N synapses is the share of its connections of N", async () => {
    const q = "What percentage of the postsynaptic partners of 864691135300382104 receive at least 5 synapses from it?";
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      pre: [{ dim: "root_id", values: ["864691135300382104"] }],
      measure: { fn: "fraction", part: { filter: [{ dim: "synapses", min: 5 }] } },
    });
  });

  it.each([
    "Of the 23P→BC connections, what percentage are reciprocated?",
    "Of the 23P→BC connections, what percentage are reciprocated, meaning the basket cell also synapses back onto " +
      "that same 23P cell?",
  ])("the connections said first are the whole: %s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      measure: { fn: "fraction", part: { filter: [{ dim: "reciprocal", is: true }] } },
    });
  });
});

describe("a share named first as a heading, then the cells compared", () => {
  it.each([
    ["% proofread: BC vs MC vs BPC", "proofread", ["BC", "MC", "BPC"]],
    ["% coreg: 5P-IT vs 5P-NP", "coregistered", ["5P-IT", "5P-NP"]],
  ])("%s", async (q, flag, types) => {
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "cell_type", values: types }],
      measure: { fn: "fraction", part: { filter: [{ dim: flag, is: true }] } },
      groupBy: [{ dim: "cell_type" }],
    });
  });

  it("a kind of cell as the heading stays asked back (of every cell there, or of the neurons?)", async () => {
    expect(await planOf("% inh: V1 vs RL")).toBe("clarify");
  });
});

describe("typed in a hurry", () => {
  it("a count typed onto its noun, and ids typed last", async () => {
    expect(await planOf("864691135988481406 inputs w>=3syn ids")).toMatchObject({
      source: "connections",
      filter: [{ dim: "synapses", min: 3 }],
      groupBy: [{ dim: "root_id", side: "pre" }],
    });
  });

  it("pasting a basket cell root 8646… - which roots does it synapse onto the most?", async () => {
    const q =
      "pasting a basket cell root 864691135732854867 - which roots does it synapse onto the most? top 3 by syn count";
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "root_id", values: ["864691135732854867"] }],
      groupBy: [{ dim: "root_id", side: "post" }],
      limit: 3,
    });
  });

  it.each([
    "recurrent conectivity among thick tufted cells: what percent of ordered pairs of distinct cells are connected",
    "recurrent conn prob (%) within 5P-ET",
  ])("recurrent connectivity is the connection probability within: %s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      measure: { fn: "probability" },
      pre: [{ dim: "cell_type", values: ["5P-ET"] }],
      post: [{ dim: "cell_type", values: ["5P-ET"] }],
    });
  });
});

describe("comparisons said in passing", () => {
  it("the SST cell count next to the PV cell count", async () => {
    expect(await planOf("Restricting to V1, give me the SST cell count next to the PV cell count.")).toMatchObject({
      filter: [{ dim: "area" }, { dim: "cell_type", values: ["MC", "BC"] }],
      groupBy: [{ dim: "cell_type" }],
    });
  });

  it.each([
    [
      "Do perisomatic-targeting cells receive more input synapses per cell than distal-targeting cells? Give me the " +
        "average for each m-type.",
      "mtype",
    ],
    [
      "What share of 5P-IT cells are coregistered, compared with 5P-NP cells? Give me the percentage for each type.",
      "cell_type",
    ],
  ])("a figure for each, said again: %s", async (q, dim) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim }] });
  });

  it("a figure for each said of a question with one figure is asked back", async () => {
    expect(await planOf("how many BCs in V1? Give me the average for each type.")).toBe("clarify");
  });
});

describe("how many rows, said in other words", () => {
  it("tell me the three with the smallest nuclei", async () => {
    const q =
      "Neurons only: rank the types by median nucleus volume, ascending, and tell me the three with the smallest nuclei.";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "cell_type" }], order: "asc", limit: 3 });
  });

  it("group them by target root, and show me the three targets receiving the most synapses", async () => {
    const q =
      "Pull the output synapses of 864691135732854867, group them by target root, and show me the three targets " +
      "receiving the most synapses.";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "root_id", side: "post" }], order: "desc", limit: 3 });
  });

  it("a number of rows with no ranking stays asked back", async () => {
    expect(await planOf("show me the two areas")).toBe("clarify");
  });
});

describe("cells sorted, then the top N of them (the ids had been read as their targets)", () => {
  it.each([
    "Sort the L2/3 pyramidal cells by how many synapses their axons make, descending, and show me the top ten root ids.",
    "Sort 23P cells by how many synapses they make and list the ten highest root ids",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "cell_type", values: ["23P"] }],
      groupBy: [{ dim: "root_id", side: "pre" }],
      order: "desc",
      limit: 10,
    });
  });

  it("the lowest", async () => {
    expect(await planOf("rank the 23P cells by input synapses and give me the 5 lowest")).toMatchObject({
      groupBy: [{ dim: "root_id", side: "post" }],
      order: "asc",
      limit: 5,
    });
  });
});

describe("a purpose said around the question", () => {
  it.each([
    "quick ranking for lab meeting: per neuron, averaged within each cell type, synapses made (outputs), which 3 " +
      "types come out on top?",
    "quick count for my committee slides: how many BCs in V1?",
    "how many BCs in V1, for lab meeting?",
  ])("%s", async (q) => {
    expect(typeof (await planOf(q))).toBe("object");
  });

  it("a restriction the tables do not hold, said as a purpose's neighbour, is still asked back", async () => {
    expect(await planOf("how many BCs in V1 in awake mice, for lab meeting?")).toBe("clarify");
  });
});

describe("which of two roots contacts more partners", () => {
  it("one row each", async () => {
    const q =
      "Which of these two cells contacts more postsynaptic partners, 864691135118462719 or 864691135742484109? " +
      "Give me the number of distinct downstream partners of each.";
    const plan = (await planOf(q)) as { compare: { label: string }[] };
    expect(plan).toMatchObject({ measure: { fn: "distinct", side: "post" } });
    expect(plan.compare.map((p) => p.label)).toEqual(["864691135118462719", "864691135742484109"]);
  });
});

describe("cells the asker is looking at, then a question pointing back at them", () => {
  it.each([
    "I'm looking at the near-projecting L5 neurons; what fraction of them have their nucleus in the coregistration " +
      "table?",
    "I'm looking at the 5P-NP cells. What fraction of them are coregistered?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "cell_type", values: ["5P-NP"] }],
      measure: { fn: "fraction", part: { filter: [{ dim: "coregistered", is: true }] } },
    });
  });

  it("without a pointer back, the lead is not made the topic", async () => {
    expect(await planOf("I'm looking at the L5 cells. How many BCs are there?")).toBe("clarify");
  });
});
