import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/** More words found at stop 47 in the read parts of dev71 to dev75 (see blind-sets-words-47.test.ts). */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];

describe("wholes and counts said in passing (dev72, dev74)", () => {
  it.each([
    "Of everything synapsing onto V1 thick-tufted cells (all inputs, fragments included), what percentage comes " +
      "from SST cells sitting in L5?",
    "Of everything that synapses onto 5P-ET cells in V1, what % is from MCs in L5?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "synapses",
      measure: { fn: "fraction", part: { pre: [...type("MC"), { dim: "layer", values: ["L5"] }] } },
    });
  });

  it.each([
    "Counting connected pairs rather than synapses: L2/3 pyramidal cells in V1 onto SST cells in layer 5, how many " +
      "such pairs?",
    "How many basket cell → layer 5 IT connections are there, counting connected cell pairs rather than synapses?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({ source: "connections", measure: { fn: "count" } });
  });

  it("'counting connected pairs rather than synapses' is held to the plan", async () => {
    const q = "Counting connected pairs rather than synapses: how many synapses from 23P onto BC?";
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("a bound with the senders' type before 'synapses' (dev72)", () => {
  const bc10 = [...type("23P"), { dim: "in_synapses", min: 10, partners: type("BC") }];
  it.each(["how many 23P cells receive at least 10 BC synapses", "how many 23P cells get at least 10 BC inputs"])(
    "%s",
    async (q) => {
      expect(await planOf(q)).toMatchObject({ source: "roots", filter: bc10, measure: { fn: "count" } });
    },
  );

  it("'# 4P in V1 w/ >=10 syn frm BCs': 'frm' is from", async () => {
    expect(await planOf("# 4P in V1 w/ >=10 syn frm BCs")).toMatchObject({
      filter: [...type("4P"), { dim: "area", values: ["V1"] }, { dim: "in_synapses", min: 10, partners: type("BC") }],
    });
  });

  it("'with at least 10 BC synapses' may be synapses onto BCs: asked back", async () => {
    expect(await planOf("how many 23P cells with at least 10 BC synapses")).toBe("clarify");
  });
});

describe("short lower-case names, and a list of types after a grouping by type (dev71)", () => {
  it("'bc mtype counts': BC, per m-type", async () => {
    expect(await planOf("bc mtype counts")).toMatchObject({ filter: type("BC"), groupBy: [{ dim: "mtype" }] });
  });

  it("'…, bc I need it': 'bc' is because, never a second type counted", async () => {
    expect(await planOf("how many 23P cells, bc I need it")).toBe("clarify");
  });

  it("'… per cell? rank BC MC BPC NGC': the four are not read as the inputs' senders", async () => {
    const q = "which interneuron type gets the most input synapses per cell? rank bc mc bpc ngc";
    expect(await planOf(q)).toBe("clarify");
    expect(await planOf("mean input synapses per cell of BC, MC, BPC and NGC, per type")).toMatchObject({
      filter: [
        { dim: "typed", is: true },
        { dim: "cell_type", values: ["BC", "MC", "BPC", "NGC"] },
      ],
      groupBy: [{ dim: "cell_type" }],
    });
  });
});

describe("a share said both before and after the cells (review of stop 47)", () => {
  it("'what % of BPC w/ m-type ITC, % of BPC': the BPC cells are the whole", async () => {
    expect(await planOf("what % of BPC w/ mtype ITC, % of BPC")).toMatchObject({
      filter: type("BPC"),
      measure: { fn: "fraction", part: { filter: [{ dim: "mtype", values: ["ITC"] }] } },
    });
  });
});
