import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/** Words found at stop 52: a grouping said of the cells on one side of a flow. */

describe("a grouping said of cells named on one side", () => {
  it.each([
    ["BC outputs by area of the BC", "pre"],
    ["BC outputs, by the BCs' area", "pre"],
    ["BC outputs by area of the targets", "post"],
    ["23P inputs by layer of the 23P cells", "post"],
  ])("%s is grouped on the %s side (it had been put on the partners' side)", async (q, side) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ side }] });
  });

  it("'BC→23P syn by the 23P cells' layer', where the possessive had put 23P on both sides, is asked back", async () => {
    expect(await planOf("BC→23P syn by the 23P cells' layer")).toBe("clarify");
  });
});

describe("connections said with the side of the cell that owns them", () => {
  const from = { source: "connections", pre: [{ dim: "root_id", values: ["864691135300382104"] }], post: [] };
  it.each([
    ["number of outgoing connections of 864691135300382104", "count"],
    ["how many outgoing conns does 864691135300382104 have", "count"],
    ["864691135300382104: number of outgoing connections", "count"],
    ["864691135300382104: avg syn per outgoing connection", "mean"],
  ])("%s (the side word had been read as a second noun, and asked back)", async (q, fn) => {
    expect(await planOf(q)).toMatchObject({ ...from, measure: { fn } });
  });

  it("'# input conns onto BCs' counts the connections onto BCs", async () => {
    expect(await planOf("# input conns onto BCs")).toMatchObject({
      source: "connections",
      pre: [],
      post: [{ dim: "cell_type", values: ["BC"] }],
      measure: { fn: "count" },
    });
  });
});

describe("a per-cell count named, then its bound", () => {
  it.each([
    ["interneurons in LM with output synapse count > 100", "out_synapses", 100],
    ["BCs with input count over 200", "in_synapses", 200],
    ["BCs with an output partner count of at least 50", "out_partners", 50],
  ])("%s (the bound had been left unread)", async (q, dim, min) => {
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      filter: expect.arrayContaining([expect.objectContaining({ dim, min })]),
    });
  });

  it("'BCs with synapse count above 100' (in or out?) is still asked back", async () => {
    expect(await planOf("BCs with synapse count above 100")).toBe("clarify");
  });
});
