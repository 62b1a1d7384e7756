import { describe, expect, it } from "vitest";
import type { Query } from "../src/planning/plan.js";
import { planOf } from "./support/reader-plans.js";
import { gold } from "./support/raw-tables.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * Statistics asked the way the statistician (dev35) asks them: the largest synapse count of one connection,
 * a bound on a group's median, a histogram of a count read as "how many have 1, how many 2". Each had been
 * answered with a wrong number that looked right.
 */
describe("a synapse count is a count, not a size", () => {
  it.each(["largest syn count per connection BC->5P-IT", "max # syn in a BC->5P-IT connection"])(
    "%s: the most synapses one connection has",
    async (q) => {
      expect(await planOf(q)).toMatchObject({ source: "connections", measure: { fn: "max", of: "synapses" } });
    },
  );

  it("still reads the largest synapse as its size", async () => {
    expect(await planOf("largest synapse BC->5P-IT")).toMatchObject({ measure: { fn: "max", of: "size" } });
  });
});

describe("a bound on a statistic of each group", () => {
  it.each([
    "Which neuron types have a median out-degree above 40 distinct postsynaptic partners per cell?",
    "types w/ median out-degree > 40",
    "cell types with mean nucleus volume above 300",
  ])("bounds the groups, never each cell: %s", async (q) => {
    const plan = (await planOf(q)) as Query;
    expect(plan.having).toMatchObject({ min: expect.any(Number) });
    expect(plan.filter.every((f) => f.min === undefined)).toBe(true);
  });

  it("still bounds each cell where the cells are bounded", async () => {
    expect(await planOf("median out-degree per type of cells with more than 40 postsynaptic partners")).toMatchObject({
      filter: expect.arrayContaining([{ dim: "out_partners", min: 40, minExclusive: true }]),
      measure: { fn: "median", of: "out_partners" },
    });
  });
});

describe("a histogram of a whole number with few values", () => {
  const store = useChatOnRaw(["aibs_metamodel_celltypes_v661", "synapses_pni_2"]);

  it("has one bin per value: how many BC→BC connections have 1 synapse, how many 2", async () => {
    const answer = await store.chat.answer("hist syn/conn BC→BC as a table");
    expect(answer.status, answer.text).toBe("answered");
    const rows = store.raw
      .prepare(
        "SELECT n, count(*) c FROM (SELECT count(*) n FROM syn WHERE " +
          "pre_pt_root_id IN (SELECT pt_root_id FROM root_type WHERE cell_type = 'BC') AND " +
          "post_pt_root_id IN (SELECT pt_root_id FROM root_type WHERE cell_type = 'BC') " +
          "GROUP BY pre_pt_root_id, post_pt_root_id) GROUP BY n ORDER BY n",
      )
      .raw(true)
      .all()
      .map((r) => (r as bigint[]).map(Number));
    expect(rows.length).toBeGreaterThan(2);
    expect(answer.table!.rows.map((r) => [r[0], r[2]])).toEqual(rows);
    expect(answer.text).toMatch(/one bin per value/);
  });

  it("keeps equal bins for a size", async () => {
    const answer = await store.chat.answer("histogram of synapse size BC->23P");
    expect(answer.text).toMatch(/in 40 bins/);
    expect(gold(store.raw, "SELECT count(*) FROM syn")).toBeGreaterThan(0);
  });
});
