import { describe, expect, it } from "vitest";
import { planOf, reader } from "./support/reader-plans.js";

/**
 * Ways of asking from dev41 (a representative week of a lab channel) that had been asked back: chatter around a
 * pasted id, a side said in brackets, "I mean connected cell pairs", one cell of a type on each side ("with a 23P
 * target and an MC source"), an order said first, a side said twice, and a heatmap of "presynaptic type vs
 * postsynaptic type".
 */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];
const ID = "864691135946779428";

describe("chatter and claims around the question", () => {
  it.each([
    `found a nice cell in neuroglancer, ${ID}, anyone know what cell type it's labelled as?`,
    `any idea what cell type ${ID} is?`,
  ])("%s: a look-up of its type", async (q) => {
    expect(await planOf(q)).toEqual({ kind: "lookup", rootId: ID, fields: ["cell_type"] });
  });

  it("reads a number asked for after a plan of work", async () => {
    expect(
      await planOf(
        "we're planning the functional analysis and I need a number: in V1, how many cells have been coregistered?",
      ),
    ).toMatchObject({
      source: "cells",
      filter: [
        { dim: "area", values: ["V1"] },
        { dim: "coregistered", is: true },
      ],
    });
  });

  it("reads 'I mean connected cell pairs' as a claim of connections", async () => {
    expect(
      await planOf(
        "How many connections do Martinotti cells make onto 23P cells? I mean connected cell pairs, not synapses.",
      ),
    ).toMatchObject({ source: "connections", pre: type("MC"), post: type("23P"), measure: { fn: "count" } });
  });

  it("holds the plan to the side said of the pasted cell", async () => {
    expect(await planOf(`synapses onto ${ID} (it's the postsynaptic side): how many in total?`)).toMatchObject({
      post: [{ dim: "root_id", values: [ID] }],
      measure: { fn: "count" },
    });
    const r = await reader.plan(`synapses from ${ID} (it's the postsynaptic side): how many in total?`);
    expect(r.type === "clarify" && r.message).toMatch(/the cell named is the postsynaptic side/);
  });
});

describe("sides and orders said another way", () => {
  it.each([
    "Counting each connected pair once: with a 23P target and an SST (MC) source, how many connections are there?",
    "with an MC source and a 23P target, how many connections?",
  ])("%s: MC onto 23P", async (q) => {
    expect(await planOf(q)).toMatchObject({ source: "connections", pre: type("MC"), post: type("23P") });
  });

  it("takes a side said twice once: from 4P cells as the presynaptic side", async () => {
    expect(
      await planOf("From 4P cells as the presynaptic side: which ten neurons get the most synapses?"),
    ).toMatchObject({ pre: type("4P"), groupBy: [{ dim: "root_id", side: "post" }], limit: 10 });
  });

  it("reads an order said first, and 'the top 10 of the' cells", async () => {
    expect(
      await planOf(
        "ranked by output synapse count, what are the top 10 of the 23P cells whose axon has been proofread?",
      ),
    ).toMatchObject({
      pre: [...type("23P"), { dim: "axon_proofread", is: true }],
      groupBy: [{ dim: "root_id", side: "pre" }],
      order: "desc",
      limit: 10,
    });
  });

  it("reads a heatmap of presynaptic type vs postsynaptic type", async () => {
    expect(
      await planOf(
        "Can you make a heatmap of synapse counts between cell types, presynaptic type vs postsynaptic type?",
      ),
    ).toMatchObject({
      groupBy: [
        { dim: "cell_type", side: "pre" },
        { dim: "cell_type", side: "post" },
      ],
      chart: "heatmap",
    });
  });
});

describe("sides said with 'as' before a colon", () => {
  it.each(["BC as sources, 23P as targets: how many synapses?", "23P as targets: how many synapses from BC"])(
    "%s: BC onto 23P, never all synapses",
    async (q) => {
      // (The lead had been set aside as background, and every synapse counted.)
      expect(await planOf(q)).toMatchObject({ pre: type("BC"), post: type("23P"), measure: { fn: "count" } });
    },
  );
});
