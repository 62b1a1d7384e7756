import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";
import { gold } from "./support/raw-tables.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/** A statistic of a cell quantity over cells a relative clause picks by a flow (measured-cells.ts). */
const type = (t: string) => ({ dim: "cell_type", values: [t] });

describe("a statistic of cells picked by whom they connect to", () => {
  it.each([
    ["mean gOSI of 23P cells that receive synapses from BCs", "23P", "in_synapses", "BC", "mean", "osi"],
    ["what is the average depth of MCs that target 5P-ET cells", "MC", "out_synapses", "5P-ET", "mean", "depth"],
    ["median nucleus volume of BCs that synapse onto 23P", "BC", "out_synapses", "23P", "median", "volume"],
  ])("%s", async (q, own, count, partner, fn, of) => {
    expect(await planOf(q)).toMatchObject({
      source: "cells",
      filter: [type(own), { dim: count, min: 1, partners: [type(partner)] }],
      measure: { fn, of },
    });
  });

  it("asks back what it cannot say of them: … input from BCs via their apical dendrites", async () => {
    expect(await planOf("mean depth of 23P cells that receive input from BCs via their apical dendrites")).toBe(
      "clarify",
    );
  });

  // ("do not receive" is read as "receive no" since stop 43: none from them.)
  it("mean depth of 23P cells that do not receive input from BCs: those with none from BCs", async () => {
    expect(await planOf("mean depth of 23P cells that do not receive input from BCs")).toMatchObject({
      source: "cells",
      filter: [type("23P"), { dim: "in_synapses", max: 0, partners: [type("BC")] }],
      measure: { fn: "mean", of: "depth" },
    });
  });

  it("keeps a statistic of the synapses themselves as one", async () => {
    expect(await planOf("mean synapse size of BCs that target 23P")).toMatchObject({ source: "synapses" });
  });
});

describe("checked against the raw exports", () => {
  const store = useChatOnRaw(["synapses_pni_2", "aibs_metamodel_celltypes_v661", "nucleus_detection_v0"]);

  it("is the mean over the cells with at least one synapse from the others", async () => {
    const answer = await store.chat.answer("mean nucleus volume of 23P cells that get input from 4P cells");
    expect(answer.status, answer.text).toBe("answered");
    const want = gold(
      store.raw,
      "SELECT avg(n.volume) FROM ct JOIN nuc n ON n.id = ct.target_id WHERE ct.cell_type = '23P' AND ct.pt_root_id IN " +
        "(SELECT s.post_pt_root_id FROM syn s JOIN root_type a ON a.pt_root_id = s.pre_pt_root_id " +
        "WHERE a.cell_type = '4P')",
    );
    const all = gold(
      store.raw,
      "SELECT avg(n.volume) FROM ct JOIN nuc n ON n.id = ct.target_id WHERE ct.cell_type = '23P'",
    );
    expect(Number(want)).not.toBeCloseTo(Number(all), 3);
    expect(Number(answer.table!.rows[0]![0])).toBeCloseTo(Number(want), 1);
  });
});
