import { describe, expect, it } from "vitest";
import { planShapeProblem } from "../src/planning/plan-check.js";
import type { Query } from "../src/planning/plan.js";
import { cellCount, planOf } from "./support/reader-plans.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * Groups kept by a bound on their own measure (a HAVING): "which types have more than 100 cells", "which
 * presynaptic types make at least 500 synapses onto 23P", "how many types have at least 50 cells in L5". These had
 * been asked back, or (the synapses) answered with the bound put on each cell: the synapses of the cells that make
 * at least 500 onto 23P, per type, a list that looked like an answer.
 */
describe("reading a bound on groups", () => {
  it.each([
    ["which types have more than 100 cells", { min: 100, minExclusive: true }],
    ["cell types with at least 50 cells in L5", { min: 50 }],
    ["list the cell types with 30+ cells", { min: 30 }],
    ["which layers have fewer than 20 BCs?", { max: 20, maxExclusive: true }],
    ["what m-types have at most 12 cells", { max: 12 }],
    ["which areas have between 10 and 40 MCs", { min: 10, max: 40 }],
  ])("%s: counted per group, the groups past the bound", async (q, having) => {
    const plan = (await planOf(q)) as Query;
    expect(plan).toMatchObject({ measure: { fn: "count" }, having });
    expect(plan.groupBy).toHaveLength(1);
    expect(plan.filter.every((f) => !["in_synapses", "out_synapses"].includes(f.dim))).toBe(true);
  });

  it.each([
    "which presynaptic types make at least 500 synapses onto 23P",
    "pre types w/ >= 500 syn onto 23P",
    "Onto 23P cells, which input cell types contribute 500 or more synapses in total?",
  ])("%s: the type's synapses, not each cell's", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "synapses",
      pre: [],
      post: [{ dim: "cell_type", values: ["23P"] }],
      measure: { fn: "count" },
      groupBy: [{ dim: "cell_type", side: "pre" }],
      having: { min: 500 },
    });
  });

  it.each([
    ["which types have a median out-degree above 40", "median", "out_partners"],
    ["types w/ median out-degree > 40", "median", "out_partners"],
    ["Which neuron types have a mean nucleus volume above 300 µm³?", "mean", "volume"],
    ["which types have an average in-degree of more than 40", "mean", "in_partners"],
  ])("%s: a statistic per group, bounded", async (q, fn, of) => {
    expect(await planOf(q)).toMatchObject({ measure: { fn, of }, groupBy: [{ dim: "cell_type" }] });
    expect(((await planOf(q)) as Query).having).toMatchObject({ min: expect.any(Number) });
  });

  it("reads a share's bound in percent as a fraction", async () => {
    expect(await planOf("which areas have more than 20% of coregistered neurons tuned")).toMatchObject({
      measure: { fn: "fraction", part: { filter: [{ dim: "tuned", is: true }] } },
      groupBy: [{ dim: "area" }],
      having: { min: 0.2, minExclusive: true },
    });
  });

  it.each(["how many types have at least 50 cells in L5", "# neuron types w/ >=25 cells in L5"])(
    "%s: the number of groups kept",
    async (q) => {
      expect(await planOf(q)).toMatchObject({ having: { count: true } });
    },
  );

  it.each([
    ["Average nucleus volume over 300 µm³: which neuronal cell types?", { min: 300, minExclusive: true }],
    ["At least ten BCs: which layers get there?", { min: 10 }],
    ["In L5 (by soma depth), how many distinct neuronal cell types reach 25 or more cells?", { min: 25, count: true }],
    ["Counting synapses onto PV basket cells, how many input cell types reach 200 or more?", { min: 200, count: true }],
  ])("%s: the bound said first, in words, or of what was counted first", async (q, having) => {
    expect(((await planOf(q)) as Query).having).toEqual(having);
  });

  it("does not read a per-cell count said of types as the type's total", async () => {
    const plan = await planOf("which types have more than 100 inputs");
    expect(typeof plan === "string" || !(plan as Query).having).toBe(true);
  });

  it.each([
    "which types have more than 100 cells with a myelinated axon",
    "which presynaptic types make at least 500 synapses onto 23P during development",
    "which layers have more than 30 BCs born before P60",
  ])("asks back a bound whose measure names what the tables lack: %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it("keeps groups only with a grouping and one number per group", () => {
    expect(planShapeProblem(cellCount({ having: { min: 3 } }))).toMatch(/grouping/);
    expect(planShapeProblem(cellCount({ groupBy: [{ dim: "cell_type" }], having: { min: 3 } }))).toBeUndefined();
  });
});

describe("answers of a bound on groups, against plain SQL", () => {
  const store = useChatOnRaw(["aibs_metamodel_celltypes_v661", "synapses_pni_2"]);
  const column = (rows: unknown[][], at = 0) => rows.map((r) => String(r[at])).sort();
  const countsPerType = () =>
    store.raw
      .prepare("SELECT cell_type, count(*) n FROM ct GROUP BY cell_type ORDER BY n DESC")
      .raw(true)
      .all()
      .map((r) => [String((r as unknown[])[0]), Number((r as unknown[])[1])] as [string, number]);

  it("lists the types with at least as many cells as the third largest", async () => {
    const counts = countsPerType();
    const bar = counts[2]![1];
    const answer = await store.chat.answer(`which cell types have at least ${bar} cells`);
    expect(answer.status, answer.text).toBe("answered");
    const kept = counts.filter(([, n]) => n >= bar).map(([t]) => t);
    expect(kept.length).toBeGreaterThanOrEqual(3);
    expect(kept.length).toBeLessThan(counts.length);
    expect(column(answer.table!.rows)).toEqual(kept.sort());
    expect(answer.text).toMatch(new RegExp(`only the groups where it is at least ${bar}`));
  });

  it("counts the groups kept", async () => {
    const counts = countsPerType();
    const bar = counts[3]![1] + 1;
    const answer = await store.chat.answer(`how many cell types have more than ${bar - 1} cells?`);
    expect(answer.status, answer.text).toBe("answered");
    expect(answer.table!.rows.map((r) => r.map(Number))).toEqual([[counts.filter(([, n]) => n >= bar).length]]);
  });

  it("bounds the presynaptic types by their synapses onto 23P, not each cell's", async () => {
    const perType = store.raw
      .prepare(
        "SELECT p.cell_type, count(*) n FROM syn s JOIN root_type p ON p.pt_root_id = s.pre_pt_root_id " +
          "JOIN root_type q ON q.pt_root_id = s.post_pt_root_id WHERE q.cell_type = '23P' " +
          "GROUP BY p.cell_type ORDER BY n DESC",
      )
      .raw(true)
      .all() as [string, number][];
    const bar = perType[1]![1];
    const answer = await store.chat.answer(`which presynaptic types make at least ${bar} synapses onto 23P`);
    expect(answer.status, answer.text).toBe("answered");
    expect(column(answer.table!.rows)).toEqual(
      perType
        .filter(([, n]) => n >= bar)
        .map(([t]) => t)
        .sort(),
    );
  });

  it("says when no group passes", async () => {
    const answer = await store.chat.answer("which layers have more than 100000 BCs");
    expect(answer.status, answer.text).toBe("answered");
    expect(answer.table!.rows).toEqual([]);
    expect(answer.text).toMatch(/where it is above 100000: none/);
  });
});

describe("the groups named first, then 'which ones'", () => {
  it("Looking at the morphological types (m-types), which ones have over 65 cells each?", async () => {
    expect(
      await planOf("Looking at the morphological types (m-types), which ones have over 65 cells each?"),
    ).toMatchObject({ groupBy: [{ dim: "mtype" }], having: { min: 65, minExclusive: true } });
  });

  it("asks back a word in brackets that names other groups", async () => {
    expect(await planOf("Looking at the areas (layers), which ones have more than 30 BCs?")).toBe("clarify");
  });
});
