import { describe, expect, it } from "vitest";
import { queryOf } from "./support/reader-plans.js";
import { gold } from "./support/raw-tables.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * Questions that turn on leaving something out (dev32, the excluder): "targets other than 23P", "input syn w/o
 * the BC inputs", "neurons that are NOT excitatory", "excluding 23P presynaptic partners, … by inhibitory type".
 * Each had been answered with a number that looked right (or asked back).
 */
const notType = (t: string) => ({ dim: "cell_type", values: [t], not: true });

describe("synapses less those of a kind of partner", () => {
  it.each([
    ["864691135443521016 # input syn w/o the BC inputs", "pre"],
    ["number of synapses onto 23P excluding those from BCs", "pre"],
    ["number of synapses onto 23P, excluding inputs from BCs", "pre"],
    ["how many BC output synapses except those onto 23P", "post"],
    ["What's the average size of synapses onto Martinotti cells, excluding the ones coming from BC cells?", "pre"],
  ] as const)("%s", async (q, side) => {
    const plan = await queryOf(q);
    expect(plan.source).toBe("synapses");
    expect(plan[side]).toContainEqual(notType(side === "pre" ? "BC" : "23P"));
  });

  it("still reads cells without any input from a kind as cells with none", async () => {
    expect((await queryOf("how many 23P cells without BC inputs")).filter).toContainEqual(
      expect.objectContaining({ dim: "in_synapses", min: 0, max: 0 }),
    );
  });
});

describe("cells other than a kind are cells; other targets or sources are any root", () => {
  it.each([
    ["how many synapses do basket cells make onto cells other than 23P?", "post", true],
    ["synapses onto 23P from non-BC cells", "pre", true],
    ["synapses onto 23P from non-BC partners", "pre", false],
    ["how many input synapses do interneurons receive from sources other than 23P cells?", "pre", false],
  ] as const)("%s", async (q, side, typed) => {
    const plan = await queryOf(q);
    expect(plan[side].some((f) => f.dim === "typed")).toBe(typed);
  });
});

describe("neurons that are not of a class stay neurons", () => {
  it("keeps the neurons", async () => {
    const q = "Onto target neurons that are NOT excitatory, how many synapses come from L2/3 pyramidal cells?";
    expect((await queryOf(q)).post).toEqual(
      expect.arrayContaining([
        { dim: "class", values: ["neuron"] },
        { dim: "class", values: ["excitatory"], not: true },
      ]),
    );
  });
});

describe("a kind grouping said of cells named on one side is theirs", () => {
  it("groups the interneurons by their type, with the 23P partners left out", async () => {
    const q = "Excluding 23P presynaptic partners, break down the synapses onto interneurons by inhibitory type.";
    expect(await queryOf(q)).toMatchObject({
      pre: [notType("23P")],
      post: [{ dim: "class", values: ["inhibitory"] }],
      groupBy: [{ dim: "cell_type", side: "post" }],
    });
  });

  it("still lists partners said with what they are not", async () => {
    const plan = await queryOf("list the presynaptic partners of 864691135443521016 that are not BCs");
    expect(plan.groupBy).toEqual([{ dim: "root_id", side: "pre" }]);
  });
});

describe("a kind left out, nothing else said of the cells, leaves every other root", () => {
  const store = useChatOnRaw(["aibs_metamodel_celltypes_v661", "synapses_pni_2"]);

  it("counts the 23P outputs onto non-23P targets, fragments too", async () => {
    const answer = await store.chat.answer("how many synapses from 23P onto non-23P targets");
    expect(answer.status, answer.text).toBe("answered");
    const from23P = "pre_pt_root_id IN (SELECT pt_root_id FROM root_type WHERE cell_type = '23P')";
    const not23P = "post_pt_root_id NOT IN (SELECT pt_root_id FROM root_type WHERE cell_type = '23P')";
    const typedOthers = "post_pt_root_id IN (SELECT pt_root_id FROM root_type WHERE cell_type != '23P')";
    const want = gold(store.raw, `SELECT count(*) FROM syn WHERE ${from23P} AND ${not23P}`);
    expect(want).not.toEqual(gold(store.raw, `SELECT count(*) FROM syn WHERE ${from23P} AND ${typedOthers}`));
    expect(answer.table!.rows[0]![0]).toBe(want);
    expect(answer.text).toMatch(/onto any cell or fragment, not layer 2\/3 pyramidal cells/);
  });
});

describe("'not' typed the short way", () => {
  it.each([
    ["# coreg cells, area != V1", { dim: "area", values: ["V1"], not: true }],
    ["How many proofread neurons arent in V1?", { dim: "area", values: ["V1"], not: true }],
  ])("%s", async (q, filter) => {
    expect((await queryOf(q)).filter).toContainEqual(filter);
  });
});
