import { describe, expect, it } from "vitest";
import { planShapeProblem } from "../src/planning/plan-check.js";
import type { QueryPlan } from "../src/planning/plan.js";
import { planOf } from "./support/reader-plans.js";
import { gold } from "./support/raw-tables.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * "% of MC outputs onto each cell type" (dev26, the modeller): each group's share of one total, where a
 * type's outputs go. It had been read as MC's share of every synapse per type (a wrong number), or refused.
 */
const acrossTypes = (pre: string) => ({
  source: "synapses",
  pre: [{ dim: "cell_type", values: [pre] }],
  post: [],
  measure: { fn: "fraction", part: {}, across: true },
  groupBy: [{ dim: "cell_type", side: "post" }],
});

describe("each group's share of all the rows (a fraction across groups)", () => {
  it.each([
    ["% of BC outputs onto each cell type", "BC"],
    ["what % of MC outputs go onto each post type", "MC"],
    ["MC output syn: % onto each post type", "MC"],
    ["MC outputs, % per target type", "MC"],
    ["By target cell type, in percent of all of the SST cells' output synapses: where do the MC synapses go?", "MC"],
  ])("%s", async (q, pre) => {
    expect(await planOf(q)).toMatchObject(acrossTypes(pre));
  });

  it.each([
    ["what % of cells are in each layer", [], "layer"],
    ["% of neurons in each area", [{ dim: "class", values: ["neuron"] }], "area"],
    ["% of inhibitory neurons per type", [{ dim: "class", values: ["inhibitory"] }], "cell_type"],
  ])("%s (cells)", async (q, filter, dim) => {
    expect(await planOf(q)).toMatchObject({
      source: "cells",
      filter,
      measure: { fn: "fraction", part: {}, across: true },
      groupBy: [{ dim }],
    });
  });

  it("a share of one part within each group is still within the group", async () => {
    expect(await planOf("MC output syn: % onto 23P")).toMatchObject({
      measure: { fn: "fraction", part: { post: [{ dim: "cell_type", values: ["23P"] }] } },
    });
  });

  it("is not taken for a grouping by what the cells are already cut to", async () => {
    expect(await planOf("L4 cells that are 4P: what percentage of the layer is that?")).toBe("clarify");
    const cut = {
      kind: "query",
      filter: [],
      ...acrossTypes("BC"),
      post: [{ dim: "cell_type", values: ["23P"] }],
    };
    expect(planShapeProblem(cut as QueryPlan)).toMatch(/100%/);
  });

  it.each([
    ["Which cell type receives the largest share of BC output synapses?", "BC", 1],
    ["top 3 types by share of MC outputs", "MC", 3],
    ["top 3 post types by share of MC outputs", "MC", 3],
  ])("%s: each type's share of the outputs named, ranked", async (q, pre, limit) => {
    expect(await planOf(q)).toMatchObject({ ...acrossTypes(pre), order: "desc", limit });
  });

  it("ranks each presynaptic type's share of the inputs named", async () => {
    expect(await planOf("which type provides the biggest fraction of inputs onto 5P-ET")).toMatchObject({
      source: "synapses",
      pre: [],
      post: [{ dim: "cell_type", values: ["5P-ET"] }],
      measure: { fn: "fraction", part: {}, across: true },
      groupBy: [{ dim: "cell_type", side: "pre" }],
      limit: 1,
    });
  });

  it("needs a grouping and no compared sets", () => {
    const plan = { kind: "query", filter: [], ...acrossTypes("BC"), groupBy: [] };
    expect(planShapeProblem(plan as QueryPlan)).toMatch(/grouping/);
  });
});

describe("shares across groups, checked against the raw exports", () => {
  const store = useChatOnRaw(["synapses_pni_2", "aibs_metamodel_celltypes_v661"]);

  it("where BC outputs go: each post type's synapses over every BC output (fragments included)", async () => {
    const answer = await store.chat.answer("% of BC outputs onto each cell type");
    expect(answer.status, answer.text).toBe("answered");
    expect(answer.text).toContain("each group's share of all synapses from basket cells");
    const fromBC = "SELECT count(*) FROM syn s JOIN root_type a ON a.pt_root_id = s.pre_pt_root_id";
    const total = Number(gold(store.raw, `${fromBC} WHERE a.cell_type = 'BC'`));
    const n23 = Number(
      gold(
        store.raw,
        `${fromBC} JOIN root_type b ON b.pt_root_id = s.post_pt_root_id` +
          " WHERE a.cell_type = 'BC' AND b.cell_type = '23P'",
      ),
    );
    expect(n23).toBeGreaterThan(0);
    const cols = answer.table!.columns;
    const row = answer.table!.rows.find((r) => r[0] === "23P")!;
    expect(row[cols.indexOf("whole")]).toBe(total);
    expect(row[cols.indexOf("fraction")]).toBeCloseTo(n23 / total, 5);
  });

  it("says the share of the one ranked first as a percentage", async () => {
    const answer = await store.chat.answer("Which cell type receives the largest share of BC output synapses?");
    expect(answer.status, answer.text).toBe("answered");
    expect(answer.text.split("\n")[0]).toMatch(/^\S+, with \d+\.\d%/);
  });

  it("each inhibitory type's share of the inhibitory neurons adds up to all of them", async () => {
    const answer = await store.chat.answer("% of inhibitory neurons per type");
    expect(answer.status, answer.text).toBe("answered");
    const fraction = answer.table!.columns.indexOf("fraction");
    const sum = answer.table!.rows.reduce((s, r) => s + Number(r[fraction]), 0);
    expect(sum).toBeCloseTo(1, 4);
    expect(answer.table!.rows.length).toBeGreaterThan(1);
  });
});

describe("a partner and the kind it is said to be are one population", () => {
  it.each([
    ["What percentage of synapses have a presynaptic partner that is a fragment?", "pre"],
    ["what % of synapses have a fragment as presynaptic partner", "pre"],
    ["what % of synapses have a postsynaptic partner that is a fragment", "post"],
  ])("%s", async (q, side) => {
    expect(await planOf(q)).toMatchObject({
      measure: { fn: "fraction", part: { [side]: [{ dim: "has_nucleus", is: false }] } },
    });
  });
  it("how many synapses have a presynaptic partner that is an MC", async () => {
    expect(await planOf("how many synapses have a presynaptic partner that is an MC")).toMatchObject({
      pre: [{ dim: "cell_type", values: ["MC"] }],
      post: [],
      measure: { fn: "count" },
    });
  });
});
