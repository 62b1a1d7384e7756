import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * A chart of one population's count is drawn over its cells: "histogram of BC out-degree" had been a histogram
 * of one number (the distinct partners of all the BCs together), and "box plot of 23P in-degree per area" a box
 * plot of each area's mean.
 */
const BC = [{ dim: "cell_type", values: ["BC"] }];

describe("a histogram of a count, over the cells", () => {
  it.each([
    ["histogram of BC out-degree", "out_partners"],
    ["histogram of out-degree for BCs", "out_partners"],
    ["distribution of out-degree of BCs", "out_partners"],
    ["histogram of BC in-degree", "in_partners"],
    ["histogram of BC output synapse counts", "out_synapses"],
  ])("%s: one value per BC", async (q, of) => {
    expect(await planOf(q)).toMatchObject({ source: "roots", filter: BC, measure: { fn: "histogram", of } });
  });

  it.each([
    ["box plot of 23P in-degree per area", "in_partners"],
    ["box plot of # inputs per 23P cell per area", "in_synapses"],
  ])("%s: the quartiles of each area's cells", async (q, of) => {
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      measure: { fn: "quartiles", of },
      groupBy: [{ dim: "area" }],
    });
  });

  it.each(["histogram of BC output synapse sizes", "plot synapse size distribution for BC outputs"])(
    "%s: still the sizes of the synapses",
    async (q) => {
      expect(await planOf(q)).toMatchObject({ source: "synapses", measure: { fn: "histogram", of: "size" } });
    },
  );
});

describe("a histogram of out-degree, answered on the raw exports", () => {
  const store = useChatOnRaw(["aibs_metamodel_celltypes_v661", "synapses_pni_2"]);
  it("counts each BC once, with its own number of postsynaptic partners", async () => {
    const answer = await store.chat.answer("histogram of BC out-degree");
    expect(answer.status, answer.text).toBe("answered");
    const { n } = store.raw
      .prepare("SELECT count(DISTINCT pt_root_id) n FROM root_type WHERE cell_type = 'BC'")
      .get() as { n: number };
    expect(answer.text).toContain(`${n} neurons`);
  });
});
