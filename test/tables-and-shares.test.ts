import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * Tables asked for as such (dev40): each area's share of all neurons ("of all" had left the share unread, and "the
 * share of the neurons in each one, as a percentage of all neurons" had been the share of each area's cells that are
 * neurons), and a quantity listed for every cell ("root id and soma depth of every SST cell in L2/3" had been a count).
 */
describe("each group's share of all of them", () => {
  it.each([
    "what percentage of all neurons are in each area",
    "What percantage of all the neurons sits in each visual area?",
    "V1, RL, AL, LM: the share of the neurons in each one, as a percentage of all neurons",
  ])("%s", async (q) => {
    const plan = await planOf(q);
    expect(plan).toMatchObject({ measure: { fn: "fraction", across: true }, groupBy: [{ dim: "area" }] });
    expect(JSON.stringify(plan)).toContain('{"dim":"class","values":["neuron"]}');
  });

  it("keeps a flag said twice in the part: multi-synaptic, i.e. 2 or more", async () => {
    expect(
      await planOf("What percentage of 23P→23P connections are multi-synaptic, i.e. have 2 or more synapes?"),
    ).toMatchObject({
      filter: [],
      measure: { fn: "fraction", part: { filter: expect.arrayContaining([{ dim: "synapses", min: 2 }]) } },
    });
  });
});

describe("a quantity of every cell, listed", () => {
  it.each([
    "soma depth of every SST cell in L2/3",
    "root id and soma depth of each SST cell in L2/3",
    "I need a table of root id and soma depth below pia (µm) for every SST cell whose soma is in L2/3",
  ])("%s: each cell with its depth", async (q) => {
    expect(await planOf(q)).toMatchObject({ source: "cells", measure: { fn: "list", with: ["depth"] } });
  });

  const store = useChatOnRaw(["aibs_metamodel_celltypes_v661"]);
  it("lists every cell with its depth", async () => {
    const answer = await store.chat.answer("root id and soma depth of each MC in L2/3");
    expect(answer.status, answer.text).toBe("answered");
    const rows = store.raw.prepare("SELECT pt_position p FROM ct WHERE cell_type = 'MC'").all() as { p: string }[];
    const depth = (p: string) => (Number(p.replace(/[[\]]/g, "").trim().split(/\s+/)[1]) * 4) / 1000 - 400;
    const inL23 = rows.filter((r) => depth(r.p) >= 115.1 && depth(r.p) < 333.5).length;
    expect(inL23).toBeGreaterThan(0);
    expect(answer.table!.rows).toHaveLength(inL23);
    expect(answer.table!.columns.some((c) => /depth/.test(c))).toBe(true);
  });
});

describe("a table asked for as such", () => {
  it.each([
    ["How many synapses do basket cells make onto each postsynaptic cell type? One row per target type.", 1],
    ["How many cells of each type have a proofread axon? One row per cell type.", 1],
    ["inh m-type × cell type cross-tab", 2],
    ["cross-tab of cell type by layer", 2],
  ])("%s: grouped as said", async (q, n) => {
    expect(((await planOf(q)) as { groupBy: unknown[] }).groupBy).toHaveLength(n);
  });

  it("reads one row per group as the grouping it says", async () => {
    expect(await planOf("how many BCs? one row per area")).toMatchObject({ groupBy: [{ dim: "area" }] });
  });

  it("keeps one row per nucleus as each cell once", async () => {
    expect(await planOf("count of cells with gOSI > 0.3 (one row per nucleus, best cc_abs)")).toMatchObject({
      measure: { fn: "count" },
      groupBy: [],
    });
  });
});

describe("a heatmap's kind said once", () => {
  it.each([
    "heatmap syn counts inh→inh by type",
    "pre type vs post type, only interneurones, number of synapes - show as heat map plz",
    "I→E connectivity matrix by cell type, as a heatmap",
  ])("%s: presynaptic type by postsynaptic type", async (q) => {
    expect(await planOf(q)).toMatchObject({
      groupBy: [
        { dim: "cell_type", side: "pre" },
        { dim: "cell_type", side: "post" },
      ],
    });
  });

  it("still asks which side without a heatmap: synapse counts inh→inh by type", async () => {
    expect(await planOf("synapse counts inh→inh by type")).toBe("clarify");
  });
});

describe("a number of each one of the cells named", () => {
  it.each(["NGC roots + # output syn each", "NGC roots and their # output syn"])(
    "%s: asked back (each one's number, or the total), never the total alone",
    async (q) => {
      expect(await planOf(q)).toBe("clarify");
    },
  );

  it("keeps a bound written with a plus: 30+ inputs", async () => {
    expect(await planOf("how many BCs have 30+ inputs")).toMatchObject({
      filter: expect.arrayContaining([{ dim: "in_synapses", min: 30 }]),
    });
  });
});
