import { describe, expect, it } from "vitest";
import { queryOf } from "./support/reader-plans.js";
import { gold } from "./support/raw-tables.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * "how many synapses onto 23P excluding fragments": 23P cells are never fragments, so the fragments left out
 * are the other side's. It had been read as leaving fragments out of the 23P cells, which leaves out nothing:
 * every synapse onto 23P, a number that looked right.
 */
const nucleus = { dim: "has_nucleus", is: true };

describe("fragments left out of typed cells are left out of their partners", () => {
  it("on the other side of the synapses", async () => {
    expect(await queryOf("how many synapses onto 23P excluding fragments")).toMatchObject({
      pre: [nucleus],
      post: [{ dim: "cell_type", values: ["23P"] }],
    });
  });

  it("among the partners a per-cell count counts", async () => {
    expect(await queryOf("avg inputs per 23P cell excluding fragments")).toMatchObject({
      filter: [{ dim: "cell_type", values: ["23P"] }],
      measure: { fn: "mean", of: "in_synapses" },
      partners: [nucleus],
    });
  });

  it("among the partners of one named root", async () => {
    expect(await queryOf("top 5 inputs to 864691135183251314, fragments excluded")).toMatchObject({
      pre: [nucleus],
      post: [{ dim: "root_id", values: ["864691135183251314"] }],
      groupBy: [{ dim: "root_id", side: "pre" }],
    });
  });

  it("nowhere when both sides are typed (nothing to leave out)", async () => {
    const plan = await queryOf("how many synapses from BC onto 23P excluding fragments");
    expect([...plan.pre, ...plan.post]).not.toContainEqual(nucleus);
  });
});

describe("answered on the raw exports", () => {
  const store = useChatOnRaw(["aibs_metamodel_celltypes_v661", "synapses_pni_2", "nucleus_detection_v0"]);

  it("counts the synapses onto 23P from roots with a nucleus", async () => {
    const answer = await store.chat.answer("how many synapses onto 23P excluding fragments");
    expect(answer.status, answer.text).toBe("answered");
    const onto23P = "post_pt_root_id IN (SELECT pt_root_id FROM root_type WHERE cell_type = '23P')";
    const want = gold(
      store.raw,
      `SELECT count(*) FROM syn WHERE ${onto23P} AND pre_pt_root_id IN (SELECT pt_root_id FROM nuc WHERE pt_root_id != 0)`,
    );
    expect(want).not.toEqual(gold(store.raw, `SELECT count(*) FROM syn WHERE ${onto23P}`));
    expect(answer.table!.rows[0]![0]).toBe(want);
  });
});
