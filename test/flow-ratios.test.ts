import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";
import { gold } from "./support/raw-tables.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * A ratio of two flows (dev28, the reviewer): "ratio of 23P→BC synapses to BC→23P synapses", "… from 23P onto
 * BC to synapses from BC onto 23P". Each flow is its own sender and receiver; it had been asked back.
 */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];

describe("a ratio of two flows", () => {
  it.each([
    ["ratio of 23P->BC synapses to BC->23P synapses", "23P", "BC", "BC", "23P"],
    ["ratio of synapses from 23P onto BC to synapses from BC onto 23P", "23P", "BC", "BC", "23P"],
    ["ratio of BC->23P to MC->23P synapses", "BC", "23P", "MC", "23P"],
  ])("%s: the first flow over the second", async (q, a, b, c, d) => {
    expect(await planOf(q)).toMatchObject({
      source: "synapses",
      pre: [],
      post: [],
      measure: {
        fn: "ratio",
        numerator: { pre: type(a), post: type(b) },
        denominator: { pre: type(c), post: type(d) },
      },
    });
  });

  it("still reads two terms on one side of one flow", async () => {
    expect(await planOf("ratio of BC to MC synapses onto 23P")).toMatchObject({
      post: type("23P"),
      measure: { fn: "ratio", numerator: { pre: type("BC") }, denominator: { pre: type("MC") } },
    });
  });
});

describe("a ratio of two flows, answered on the raw exports", () => {
  const store = useChatOnRaw(["aibs_metamodel_celltypes_v661", "synapses_pni_2"]);

  it("divides the 23P→BC synapse count by the BC→23P one", async () => {
    const answer = await store.chat.answer("ratio of 23P->BC synapses to BC->23P synapses");
    expect(answer.status, answer.text).toBe("answered");
    const flow = (pre: string, post: string) =>
      Number(
        gold(
          store.raw,
          "SELECT count(*) FROM syn WHERE pre_pt_root_id IN (SELECT pt_root_id FROM root_type WHERE cell_type = ?) " +
            "AND post_pt_root_id IN (SELECT pt_root_id FROM root_type WHERE cell_type = ?)",
          pre,
          post,
        ),
      );
    const cols = answer.table!.columns;
    const row = answer.table!.rows[0]!;
    expect([row[cols.indexOf("numerator")], row[cols.indexOf("denominator")]]).toEqual([
      flow("23P", "BC"),
      flow("BC", "23P"),
    ]);
    expect(answer.text).toMatch(/those from layer 2\/3 pyramidal cells \(23P\) onto basket cells \(BC\) to those from/);
  });
});
