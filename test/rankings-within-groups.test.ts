import { describe, expect, it } from "vitest";
import { planShapeProblem } from "../src/planning/plan-check.js";
import type { Query } from "../src/planning/plan.js";
import { cellCount, planOf } from "./support/reader-plans.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * A ranking within each group (`perGroup`): "for each area, the most common inhibitory type", "the top inhibitory
 * type by cell count in L1, L2/3, L4, L5". It had been asked back, or (a list of places) answered with the one top
 * type-and-place pair of all, a single row that looked like an answer.
 */
describe("reading a ranking within each group", () => {
  it.each([
    ["For each visual area, which inhibitory cell type has the most cells?", "area", 1],
    ["most common inh type per area (V1/RL/AL/LM)?", "area", 1],
    ["top inh type by cell count in L1, L2/3, L4, L5", "layer", 1],
    ["In each of L1, L2/3, L4 and L5, which inhibitory type has the most somata?", "layer", 1],
    ["what's the top cell type by number of cells in V1, RL, AL and LM respectively?", "area", 1],
    ["for each area, the 3 most common types", "area", 3],
  ])("%s: the top types within each %s", async (q, outer, limit) => {
    expect(await planOf(q)).toMatchObject({
      groupBy: [{ dim: outer }, { dim: "cell_type" }],
      order: "desc",
      limit,
      perGroup: true,
    });
  });

  it("ranks on the side 'each' was said of", async () => {
    expect(await planOf("top 2 target types for each inhibitory type")).toMatchObject({
      groupBy: [
        { dim: "cell_type", side: "pre" },
        { dim: "cell_type", side: "post" },
      ],
      limit: 2,
      perGroup: true,
    });
  });

  it("keeps a ranking of cells over the places named as one ranking", async () => {
    const plan = (await planOf(
      "Only the higher visual areas, not V1: which three cells have the highest OSI?",
    )) as Query;
    expect(plan.perGroup).toBeUndefined();
    expect(plan.limit).toBe(3);
  });

  it("asks how many when the ranked kind is plural and no number is said", async () => {
    expect(await planOf("the most common cell types for each area")).toBe("clarify");
  });

  it("needs two groupings, an order and a top-k", () => {
    const plan = cellCount({ groupBy: [{ dim: "area" }], order: "desc", limit: 1, perGroup: true });
    expect(planShapeProblem(plan)).toMatch(/two groupings/);
    expect(planShapeProblem({ ...plan, groupBy: [{ dim: "area" }, { dim: "cell_type" }] })).toBeUndefined();
  });
});

describe("answers of a ranking within each group, against plain SQL", () => {
  const store = useChatOnRaw(["aibs_metamodel_celltypes_v661", "nucleus_functional_area_assignment"]);

  it("gives each layer's most common inhibitory type, ties kept", async () => {
    const answer = await store.chat.answer("for each layer, which inhibitory type has the most cells?");
    expect(answer.status, answer.text).toBe("answered");
    // (Positions are packed "[x y z]" in voxels; depth below pia in µm, layers as in data/cortex_geometry.json.)
    const rows = store.raw
      .prepare("SELECT pt_position p, cell_type t FROM ct WHERE classification_system = 'inhibitory_neuron'")
      .all() as { p: string; t: string }[];
    const edges: [number, string][] = [
      [115.1, "L1"],
      [333.5, "L2/3"],
      [453.6, "L4"],
      [687.6, "L5"],
      [922.6, "L6"],
    ];
    const counts = new Map<string, Map<string, number>>();
    for (const { p, t } of rows) {
      const depth = (Number(p.replace(/[[\]]/g, "").trim().split(/\s+/)[1]) * 4) / 1000 - 400;
      const layer = edges.find(([edge]) => depth < edge)?.[1] ?? "WM";
      const of = counts.get(layer) ?? new Map<string, number>();
      counts.set(layer, of.set(t, (of.get(t) ?? 0) + 1));
    }
    const top = [...counts].flatMap(([layer, of]) => {
      const most = Math.max(...of.values());
      return [...of].filter(([, n]) => n === most).map(([t]) => `${layer} ${t}`);
    });
    top.sort();
    expect(top.length).toBeGreaterThan(2);
    const cols = answer.table!.columns;
    const [l, t] = [cols.findIndex((c) => /layer/.test(c)), cols.findIndex((c) => /cell_type/.test(c))];
    expect(answer.table!.rows.map((r) => `${String(r[l])} ${String(r[t])}`).sort()).toEqual(top);
    expect(answer.text).toMatch(/the top cell type within each layer/);
  });
});
