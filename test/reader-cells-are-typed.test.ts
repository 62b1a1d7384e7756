import { describe, expect, it } from "vitest";
import { queryOf } from "./support/reader-plans.js";
import { gold } from "./support/raw-tables.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * "cells with more than 10 outputs", "top 5 cells by output synapses": a cell is a row of the cell-type table
 * (the shared contract's convention), so roots without a cell type (fragments, untyped nuclei) are not counted
 * or ranked. These had been read over every root, a number that looked right.
 */
const typed = { dim: "typed", is: true };

describe("cells named only by their synapse counts are cells of the cell-type table", () => {
  it.each([
    ["how many cells with more than 10 output synapses", "out_synapses"],
    ["cells with more than ten outputs, how many", "out_synapses"],
    ["how many cells receive more than 100 synapses", "in_synapses"],
    ["which cells have more than 50 input partners", "in_partners"],
  ])("%s", async (q, dim) => {
    const plan = await queryOf(q);
    expect(plan).toMatchObject({ source: "roots" });
    expect(plan?.filter).toEqual(expect.arrayContaining([typed, expect.objectContaining({ dim })]));
  });

  it.each([
    ["which cell has the most input synapses", "post"],
    ["top 5 cells by output synapses", "pre"],
  ] as const)("%s: the ranked cells are typed", async (q, side) => {
    const plan = await queryOf(q);
    expect(plan?.[side]).toEqual([typed]);
    expect(plan?.groupBy).toEqual([{ dim: "root_id", side }]);
  });

  it.each([
    "how many roots with more than 10 outputs",
    "how many segments with more than 10 outputs",
    "how many cells per strategy_axon value",
  ])("%s: roots, or another table's cells, are left as they are", async (q) => {
    expect((await queryOf(q))?.filter ?? []).not.toContainEqual(typed);
  });

  it("partners of a root stay any root, fragments too", async () => {
    const plan = await queryOf("which cell gets the most synapses from 864691135012345678?");
    expect(plan?.post).toEqual([]);
  });
});

describe("answered on the raw exports", () => {
  const store = useChatOnRaw(["aibs_metamodel_celltypes_v661", "synapses_pni_2"]);

  it("counts the typed cells over the threshold", async () => {
    const answer = await store.chat.answer("how many cells receive more than 30 synapses");
    expect(answer.status, answer.text).toBe("answered");
    const want = gold(
      store.raw,
      "SELECT count(*) FROM (SELECT DISTINCT pt_root_id r FROM ct WHERE pt_root_id != 0) " +
        "WHERE (SELECT count(*) FROM syn WHERE post_pt_root_id = r) > 30",
    );
    const all = gold(
      store.raw,
      "SELECT count(*) FROM (SELECT post_pt_root_id FROM syn GROUP BY 1 HAVING count(*) > 30)",
    );
    expect(want).not.toEqual(all);
    expect(answer.table!.rows[0]![0]).toBe(want);
    expect(answer.text).toMatch(/cells \(with a cell type\)/);
  });
});
