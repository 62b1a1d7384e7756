import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Ways of asking of a careful scientist (dev43) that had been asked back: "strong" connections with their
 * cutoff said beside them, and a plural possessive before the synapses ("the basket cells' output synapses").
 */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];

describe("strong connections, defined where they are said", () => {
  it.each([
    "How many L5 IT to L2/3 pyramidal connections are strong, meaning at least 3 synapses?",
    "Strong connections only (3 or more synapses per pair): how many are there from L5 IT cells onto 23P?",
    "# strong conn (>=3 syn) 5P-IT→23P",
  ])("%s: connections of at least 3 synapses", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      filter: [{ dim: "synapses", min: 3 }],
      pre: type("5P-IT"),
      post: type("23P"),
      measure: { fn: "count" },
    });
  });

  it("asks back 'strong' with no cutoff said", async () => {
    expect(await planOf("how many strong connections from 5P-IT to 23P")).toBe("clarify");
  });
});

describe("a plural possessive before the synapses", () => {
  it.each([
    ["How many of the basket cells' output synapses go onto orphan fragments?", [{ dim: "has_nucleus", is: false }]],
    ["How many of the BCs' output synapses go onto 23P?", type("23P")],
  ])("%s: the cells' outputs", async (q, post) => {
    expect(await planOf(q)).toMatchObject({ source: "synapses", pre: type("BC"), post, measure: { fn: "count" } });
  });
});
