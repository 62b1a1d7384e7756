import { describe, expect, it } from "vitest";
import type { Query } from "../src/planning/plan.js";
import { planOf } from "./support/reader-plans.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * Questions of someone looking at one cell in Neuroglancer (dev37, the id paster): a total said of both directions
 * between two pasted roots (it had been answered with each direction only), the chatter around a pasted id, and the
 * functional units a root is matched to, one row each.
 */
const A = "864691135579087261";
const B = "864691135220639253";

describe("synapses between two roots, both directions, in total", () => {
  it.each([
    `${A}, ${B} -- synapses between them in either direction, total?`,
    `total syn between ${B} & ${A} (both dirs)`,
    `total number of synapses between ${A} and ${B}, both directions combined`,
  ])("%s: each way and the two added up", async (q) => {
    expect(await planOf(q)).toMatchObject({ compare: [{}, {}], contrast: "sum" });
  });

  it("gives each way alone when no total is said", async () => {
    const plan = (await planOf(`how many synapses are there between ${A} and ${B} in both directions`)) as Query;
    expect(plan.compare).toHaveLength(2);
    expect(plan.contrast).toBeUndefined();
  });
});

describe("chatter around a pasted id", () => {
  it.each([
    [`hey what cell type is this one: ${A}, I can't tell from the morphology in neuroglancer`, "lookup"],
    [`Does ${A} synapse onto ${B} at all? And if so, with how many synapses?`, "query"],
    [`Below pia, in µm: how far down is the cell body of ${A}?`, "lookup"],
    [`Going by where its soma sits, what layer is ${A} in?`, "lookup"],
  ])("%s: read without the chatter", async (q, kind) => {
    expect(await planOf(q)).toMatchObject({ kind });
  });
});

describe("answers, against plain SQL", () => {
  const store = useChatOnRaw(["synapses_pni_2", "coregistration_manual_v4"]);
  const first = (sql: string) => String(Object.values(store.raw.prepare(sql).get() as object)[0]);

  it("adds up the two directions", async () => {
    const [a, b] = first(
      "SELECT pre_pt_root_id || ' ' || post_pt_root_id FROM syn s WHERE EXISTS (SELECT 1 FROM syn t WHERE " +
        "t.pre_pt_root_id = s.post_pt_root_id AND t.post_pt_root_id = s.pre_pt_root_id) LIMIT 1",
    ).split(" ") as [string, string];
    const both = Number(
      first(
        `SELECT count(*) FROM syn WHERE (pre_pt_root_id = ${a} AND post_pt_root_id = ${b}) OR ` +
          `(pre_pt_root_id = ${b} AND post_pt_root_id = ${a})`,
      ),
    );
    const answer = await store.chat.answer(`${a}, ${b} -- synapses between them in either direction, total?`);
    expect(answer.status, answer.text).toBe("answered");
    expect(answer.table!.rows.at(-1)).toContain(both);
    expect(answer.text).toMatch(new RegExp(`total \\(.*\\) ${both}\\.`));
  });

  it("lists a root's functional units one row each", async () => {
    const root = first("SELECT pt_root_id FROM coreg GROUP BY pt_root_id ORDER BY count(*) DESC LIMIT 1");
    const units = store.raw
      .prepare(`SELECT unit_id FROM coreg WHERE pt_root_id = ${root}`)
      .all()
      .map((r) => String((r as { unit_id: unknown }).unit_id))
      .sort();
    const answer = await store.chat.answer(`coreg unit ids for ${root}`);
    expect(answer.status, answer.text).toBe("answered");
    const at = answer.table!.columns.indexOf("unit_id");
    expect(answer.table!.rows.map((r) => String(r[at])).sort()).toEqual(units);
  });
});
