import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectomeChat } from "../src/answers/chat.js";
import { gold, loadRawExports } from "./support/raw-tables.js";
import { buildTestStore } from "./support/store.js";
import { planOf } from "./support/reader-plans.js";

/**
 * Readings found wrong or asked back by dev20 (measures, units, statistics words, register) and by
 * modifiers of known words added to answered bank questions ("… bottom 5", "… excluding BCs",
 * "… per µm", "… root id 90th percentile"): each was answered as if the words were not there.
 */
const ID = "864691135001182742";
const same = async (q: string, plain: string) => {
  const plan = await planOf(q);
  expect(typeof plan, q).toBe("object");
  expect(plan, q).toEqual(await planOf(plain));
};

describe("a degree is a count of distinct partners", () => {
  it.each([
    [`out-degree pls: ${ID}`, `how many distinct postsynaptic partners does ${ID} have`],
    [`fan-out of ${ID}?`, `how many distinct postsynaptic partners does ${ID} have`],
    [`in-degree of ${ID}`, `how many distinct presynaptic partners does ${ID} have`],
    [`postsynaptic partner count of ${ID}?`, `how many distinct postsynaptic partners does ${ID} have`],
    [`presynaptic partner count of ${ID}`, `how many distinct presynaptic partners does ${ID} have`],
  ])("%s", async (q, plain) => same(q, plain));

  it("per cell, as a mean or a ranking, and never of the synapses", async () => {
    expect(await planOf("mean in-degree of 6P-CT cells")).toMatchObject({
      source: "roots",
      measure: { fn: "mean", of: "in_partners" },
    });
    expect(await planOf("which BC has the largest fan-out?")).toMatchObject({
      measure: { fn: "distinct", side: "post" },
      groupBy: [{ dim: "root_id", side: "pre" }],
      limit: 1,
    });
    expect(await planOf(`pref ori of ${ID} in radians`)).toMatchObject({ fields: ["tuning"], radians: true });
    // ("in degree" with a space is the unit of an angle.)
    expect(await planOf("which orientation is preferred by 864691135039348382, in degree?")).toMatchObject({
      kind: "lookup",
      fields: ["tuning"],
    });
  });
});

describe("measures and flows said the way a lab channel says them", () => {
  it.each([
    ["max syn size 23P > BC", "max synapse size from 23P onto BC"],
    [
      "What is the largest synapse from a layer 2/3 pyramidal cell onto a basket cell (its size)?",
      "the largest synapse from 23P onto BC",
    ],
    ["# syn onto MC w/ size>5000", "how many synapses onto MC are larger than 5000"],
    ["avg output syn size per inhib type", "mean size of the synapses made by each inhibitory cell type"],
    ["In percent, please: p(connection) for 23P onto 23P?", "connection probability from 23P onto 23P"],
    ["ratio #syn 23P→BC / BC→23P", "how many times more synapses from 23P onto BC than from BC onto 23P"],
    [
      "Could you work out the ratio of the number of synapses from 23P onto BC to the number from BC onto 23P?",
      "how many times more synapses from 23P onto BC than from BC onto 23P",
    ],
    ["on average how many 23P cells does a BC contact", "mean number of distinct 23P targets of each BC"],
    ["what is the mean number of distinct 23P targets per BC", "mean number of distinct 23P targets of each BC"],
    ["how many synapses does the average BC make onto 23P", "mean number of synapses made by each BC onto 23P"],
    [
      `How many distinct 4P cells converge onto ${ID}? Counting cells, not synapses.`,
      `how many 4P cells synapse onto ${ID}`,
    ],
    ["Which Martinotti cells have a fan-out of more than 70?", "which MCs have more than 70 postsynaptic partners"],
    [
      "Which Martinotti cells have a fan-out of more than 70, i.e. more than 70 distinct postsynaptic partners?",
      "which MCs have more than 70 postsynaptic partners",
    ],
    [
      "Looking at L5 neurons that get input from L2/3 neurons: mean # of synapses per connection?",
      "mean number of synapses per connection from L2/3 neurons onto L5 neurons",
    ],
    [
      "ok so I'm putting together a supp figure on nuclei and need the numbers first: broken down by cell type, " +
        "what's the average nucleus volume? thanks!",
      "mean nucleus volume per cell type",
    ],
  ])("%s", async (q, plain) => same(q, plain));

  it("keeps to themselves a size said of a cell, a question after 'Looking at …:', a claim the plan breaks", async () => {
    expect(await planOf("how many MCs with size > 5000")).toBe("clarify");
    expect(await planOf("how many synapses onto 864691135002837789 from 4P, counting cells")).toBe("clarify");
    // ("Looking at the m-types: how many L4b cells …" had been read as a count of the kinds.)
    const lead = await planOf("Looking at the morphological types: how many L4b m-type cells are in V1?");
    expect(typeof lead === "object" && lead.kind === "query" ? lead.measure.fn : lead).not.toBe("kinds");
  });
});

describe("a cell named first and pointed back to by 'it'", () => {
  it("is on the side of its verb: 'For each inhibitory cell type, … the synapses it makes'", async () => {
    await same(
      "For each inhibitory cell type, what's the mean size of the synapses it makes?",
      "mean size of the synapses made by each inhibitory cell type",
    );
    expect(await planOf("Per PV interneuron, what's the mean number of synapses it makes?")).toMatchObject({
      source: "roots",
      measure: { fn: "mean", of: "out_synapses" },
    });
  });
});

describe("words that shape the answer are never dropped", () => {
  it.each([
    `top 3 neuron targets of ${ID} bottom 5`,
    `top 3 neuron targets of ${ID} bottom 3`,
    "avg output syn size BC vs MC excluding BCs",
    "What is the mean number of input synapses per neuron in layer 4 versus layer 5 not in L5?",
    "how many pv cells in l2/3 of v1 per µm",
    "mean nucleus volume of astrocytes in L1 per µm",
    "which cell has the max gOSI? root id in nm",
    `cell type of ${ID} in degrees`,
    "avg synapse size for each pre type one number",
    "Which inhibitory neuron has the most output synapses smallest first?",
    "top 5 BC by output synapses ascending",
    `layer of ${ID} in radians?`,
  ])("%s is asked back", async (q) => expect(await planOf(q)).toBe("clarify"));

  it("keeps 'one number' of one number, and 'one row per nucleus' as each cell once", async () => {
    expect(await planOf("how many BCs, one number")).toMatchObject({ measure: { fn: "count" }, groupBy: [] });
    // ("one row per area" is a grouping, read as one.)
    expect(await planOf("how many BCs, one row per area")).toMatchObject({ groupBy: [{ dim: "area" }] });
    expect(
      await planOf("count(*) from functional props where gOSI > 0.3 (one row per nucleus, best cc_abs)"),
    ).toMatchObject({
      source: "cells",
      measure: { fn: "count" },
    });
  });

  it("keeps a top-k whose direction comes from a superlative, and an exclusion of another type", async () => {
    expect(await planOf("List the three L5 ET cells with the lowest input synapse counts.")).toMatchObject({
      order: "asc",
      limit: 3,
    });
    expect(await planOf("how many neurons excluding BCs")).toMatchObject({
      filter: [
        { dim: "class", values: ["neuron"] },
        { dim: "cell_type", values: ["BC"], not: true },
      ],
    });
  });

  it("reads MICrONS, spelt as the project spells it, as the dataset and not as microns", async () => {
    expect(await planOf(`hi, I'm new to MICrONS - what kind of cell is ${ID}?`)).toMatchObject({ kind: "lookup" });
  });
});

describe("a soma position in the unit asked", () => {
  let chat: ConnectomeChat;
  let raw: Database.Database;
  beforeAll(async () => {
    const store = await buildTestStore({ cells: 300, seed: 7 });
    raw = loadRawExports(store.dir, ["nucleus_detection_v0"]);
    chat = await ConnectomeChat.open({ dbPath: store.db });
  });
  afterAll(async () => chat?.close());

  it("reads 'not voxels' beside nm, and a second sentence asking again for part of a look-up", async () => {
    expect(await planOf(`In nm, not voxels: the soma coordinates of ${ID}?`)).toMatchObject({ positionUnit: "nm" });
    expect(await planOf(`soma coordinates of ${ID}, not in voxels`)).toBe("clarify");
    expect(await planOf(`How big is the nucleus of ${ID}? I'd like its volume in µm³.`)).toMatchObject({
      kind: "lookup",
      fields: ["nucleus_id", "volume"],
    });
    expect(await planOf(`what type is ${ID}? and its volume?`)).toBe("clarify");
  });

  it("gives nm and µm from the 4x4x40 nm voxels, and says so in its reading", async () => {
    const root = String(gold(raw, "SELECT pt_root_id FROM nucleus_detection_v0 WHERE pt_root_id != 0 LIMIT 1"));
    const [x, y, z] = ["x", "y", "z"].map((c) =>
      Number(gold(raw, `SELECT pt_position_${c} FROM nucleus_detection_v0 WHERE pt_root_id = ${root}`)),
    );
    const nm = await chat.answer(`where is the soma of ${root} in nm?`);
    expect(nm.text).toContain(`[${x! * 4} ${y! * 4} ${z! * 40}] nm`);
    expect(nm.text).toContain("position in nm");
    const um = await chat.answer(`soma position of ${root} in µm`);
    expect(um.text).toContain(`[${(x! * 4) / 1000} ${(y! * 4) / 1000} ${(z! * 40) / 1000}] µm`);
    const voxels = await chat.answer(`soma position of ${root}`);
    expect(voxels.text).toContain(`[${x} ${y} ${z}] (4x4x40 nm voxels)`);
  });
});
