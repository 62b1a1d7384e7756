import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * A share of cells said with a verb of reaching (found by the blind set dev47, "the newcomer"): the share of
 * the cells with any synapse from (or onto) the others, each cell once. It had been MC's share of the synapses
 * onto 23P cells, "at least one" a synapse size of 1, and "of the BCs, what fraction target 23P cells" the BCs
 * that are 23P cells.
 */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];
const reached = (dim: string, other: string, min = 0) => ({
  source: "roots",
  filter: type(dim === "in_synapses" ? "23P" : "BC"),
  measure: { fn: "fraction", part: { filter: [{ dim, min, minExclusive: true, partners: type(other) }] } },
});

describe("a share of cells that receive (or make) synapses", () => {
  it.each([
    "Out of all the layer 2/3 pyramidal cells, what percent get input from at least one Martinotti cell?",
    "what fraction of 23P cells receive input from MCs",
    "fraction of 23P cells targeted by MCs",
    "among 23P cells, what % are contacted by MCs",
    "% of 23P cells with >=1 MC input",
  ])("%s: the 23P cells with any MC synapse", async (q) => {
    expect(await planOf(q)).toMatchObject(reached("in_synapses", "MC"));
  });

  it.each(["% of BCs that contact 23P cells", "of the BCs, what fraction target 23P cells"])(
    "%s: the BCs with any synapse onto 23P cells",
    async (q) => {
      expect(await planOf(q)).toMatchObject(reached("out_synapses", "23P"));
    },
  );

  it.each([
    ["of the 23P cells, what fraction receive more than 5 synapses from MCs", "in_synapses", "MC"],
    ["of the BCs, what % make more than 5 synapses onto 23P", "out_synapses", "23P"],
  ])("%s: the count made with the others, not a kind of the cells", async (q, dim, other) => {
    expect(await planOf(q)).toMatchObject(reached(dim, other, 5));
  });

  it("asks back a share of cells said with a verb it cannot count", async () => {
    expect(await planOf("of the BCs, what fraction hit 23P cells")).toBe("clarify");
  });

  it.each(["what fraction of 23P inputs come from MCs", "of BC outputs, what fraction go onto 23P"])(
    "%s: still a share of synapses",
    async (q) => {
      expect(await planOf(q)).toMatchObject({ source: "synapses", measure: { fn: "fraction" } });
    },
  );
});

describe("a share of cells reached, answered on the raw exports", () => {
  const store = useChatOnRaw(["aibs_metamodel_celltypes_v661", "synapses_pni_2"]);
  it("is the share of 23P roots with at least one synapse from an MC", async () => {
    const answer = await store.chat.answer("what percent of 23P cells get input from at least one MC");
    expect(answer.status, answer.text).toBe("answered");
    const { pct } = store.raw
      .prepare(
        "SELECT 100.0 * count(DISTINCT CASE WHEN s.post_pt_root_id IS NOT NULL THEN r.pt_root_id END) / " +
          "count(DISTINCT r.pt_root_id) pct FROM (SELECT DISTINCT pt_root_id FROM root_type WHERE cell_type = '23P') r " +
          "LEFT JOIN syn s ON s.post_pt_root_id = r.pt_root_id AND s.pre_pt_root_id IN " +
          "(SELECT pt_root_id FROM root_type WHERE cell_type = 'MC')",
      )
      .get() as { pct: number };
    expect(pct).toBeGreaterThan(0);
    expect(pct).toBeLessThan(100);
    expect(answer.text).toContain(`${pct.toFixed(1)}%`);
  });
});

describe("a newcomer's words", () => {
  it("'recieve at least one synapse from a Martinotti cell': the MCs are the count's partners, past the article", async () => {
    const q = "What percentage of layer 2/3 pyramidal neurons recieve at least one synapse from a Martinotti cell?";
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      filter: type("23P"),
      // (At least one synapse: more than 0, as "receive at least one synapse" is read.)
      measure: {
        fn: "fraction",
        part: { filter: [{ dim: "in_synapses", min: 0, minExclusive: true, partners: type("MC") }] },
      },
    });
  });

  it.each([
    "Quick question from the new rotation student: for the Martinotti cells, what is their nucleus volume on average?",
    "Sorry if this is basic, I'm new here. For the Martinotti cells, what is their nucleus volume on average?",
  ])("%s: the chatter set aside", async (q) => {
    expect(await planOf(q)).toMatchObject({ filter: type("MC"), measure: { fn: "mean", of: "volume" } });
  });
});

describe("a cell named in a lead sentence, pointed at later", () => {
  it("'I'm looking at the cell A. How many synapses does it receive from B?': A is 'it'", async () => {
    const q =
      "Hi! I'm looking at the cell 864691135345306728. How many synapses does it receive from 864691135221949305? " +
      "Just that one direction.";
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "root_id", values: ["864691135221949305"] }],
      post: [{ dim: "root_id", values: ["864691135345306728"] }],
      measure: { fn: "count" },
    });
  });
});

describe("'for each type, … from it': 'it' is each group", () => {
  it.each([
    ["For each presynaptic cell type, how many synapses does 864691135443521016 receive from it?", "pre"],
    ["For each postsynaptic cell type, how many synapses does 864691135443521016 make onto it?", "post"],
  ])("%s: grouped by the %s side's type", async (q, side) => {
    expect(await planOf(q)).toMatchObject({ measure: { fn: "count" }, groupBy: [{ dim: "cell_type", side }] });
  });
});
