import { describe, expect, it } from "vitest";
import { planShapeProblem } from "../src/planning/plan-check.js";
import { Query } from "../src/planning/plan.js";

/** Plans that would compile to an answer that cannot be right whatever the data: the check names why. */
const plan = (p: object) => Query.parse({ kind: "query", ...p });
const root = "864691135587571072";

describe("the plan check refuses plans whose answer is decided before the data is read", () => {
  it("conditions no row can meet together: one side both BC and 23P", () => {
    const q = plan({
      source: "synapses",
      measure: { fn: "fraction", part: { post: [{ dim: "cell_type", values: ["23P"] }] } },
      post: [{ dim: "cell_type", values: ["BC"] }],
    });
    expect(planShapeProblem(q)).toMatch(/no row can be both BC and 23P/);
    const fine = plan({
      source: "synapses",
      measure: { fn: "fraction", part: { post: [{ dim: "cell_type", values: ["23P"] }] } },
      pre: [{ dim: "cell_type", values: ["BC"] }],
    });
    expect(planShapeProblem(fine)).toBeUndefined();
  });

  it("a fragment (no nucleus) of a cell type: no row is both", () => {
    const q = plan({
      source: "roots",
      measure: { fn: "mean", of: "in_synapses" },
      filter: [
        { dim: "has_nucleus", is: false },
        { dim: "cell_type", values: ["23P"] },
      ],
    });
    expect(planShapeProblem(q)).toMatch(/no fragment .* has a cell type/);
    const fine = plan({
      source: "synapses",
      measure: { fn: "count" },
      pre: [{ dim: "has_nucleus", is: false }],
      post: [{ dim: "cell_type", values: ["23P"] }],
    });
    expect(planShapeProblem(fine)).toBeUndefined();
  });

  it("a difference or ratio is of two results, never of three or of one", () => {
    const two = { filter: [{ dim: "cell_type", values: ["23P", "4P"] }], groupBy: [{ dim: "cell_type" }] };
    expect(planShapeProblem(plan({ source: "cells", measure: { fn: "count" }, contrast: "difference", ...two }))).toBe(
      undefined,
    );
    const three = { filter: [{ dim: "cell_type", values: ["23P", "4P", "BC"] }], groupBy: [{ dim: "cell_type" }] };
    expect(planShapeProblem(plan({ source: "cells", measure: { fn: "count" }, contrast: "ratio", ...three }))).toMatch(
      /a ratio is of two results/,
    );
    const one = { source: "cells", measure: { fn: "count" }, filter: [{ dim: "cell_type", values: ["23P"] }] };
    expect(planShapeProblem(plan({ ...one, contrast: "difference" }))).toMatch(/a difference is of two results/);
  });

  it("a side pinned to one root: no count of its own roots, no condition of its cell", () => {
    const counted = plan({
      source: "synapses",
      measure: { fn: "distinct", side: "pre" },
      pre: [{ dim: "root_id", values: [root] }],
    });
    expect(planShapeProblem(counted)).toMatch(/one root/);
    const placed = plan({
      source: "synapses",
      measure: { fn: "distinct", side: "post" },
      pre: [
        { dim: "root_id", values: [root] },
        { dim: "area", values: ["RL"] },
      ],
    });
    expect(planShapeProblem(placed)).toMatch(/area of the one root/);
    const partners = plan({
      source: "synapses",
      measure: { fn: "distinct", side: "post" },
      pre: [{ dim: "root_id", values: [root] }],
      post: [{ dim: "area", values: ["RL"] }],
    });
    expect(planShapeProblem(partners)).toBeUndefined();
  });

  it("a histogram with groups, and a list with a comparison or an order", () => {
    expect(
      planShapeProblem(plan({ source: "cells", measure: { fn: "histogram", of: "osi" }, groupBy: [{ dim: "area" }] })),
    ).toMatch(/one histogram/);
    const sets = [{ filter: [{ dim: "area", values: ["V1"] }] }, { filter: [{ dim: "area", values: ["LM"] }] }];
    expect(planShapeProblem(plan({ source: "cells", measure: { fn: "list" }, compare: sets }))).toMatch(
      /a list is of one set/,
    );
    expect(planShapeProblem(plan({ source: "cells", measure: { fn: "list" }, order: "desc" }))).toMatch(
      /a list is of one set/,
    );
    expect(
      planShapeProblem(plan({ source: "cells", measure: { fn: "list" }, groupBy: [{ dim: "area" }] })),
    ).toBeUndefined();
  });

  it("an order of one number: 'the biggest total' read as an order would have summed every connection", () => {
    const total = { source: "connections", measure: { fn: "sum", of: "total_size" }, order: "desc" };
    expect(planShapeProblem(plan(total))).toMatch(/an order needs rows/);
    const largest = { source: "synapses", measure: { fn: "max", of: "size" }, order: "desc" };
    expect(planShapeProblem(plan(largest))).toBeUndefined();
    expect(planShapeProblem(plan({ ...total, groupBy: [{ dim: "cell_type", side: "pre" }] }))).toBeUndefined();
  });
});

describe("a ratio grouped by its own terms", () => {
  it("is refused: every group is all numerator or all denominator", () => {
    const q = plan({
      source: "synapses",
      groupBy: [{ dim: "class", side: "pre" }],
      measure: {
        fn: "ratio",
        numerator: { pre: [{ dim: "class", values: ["excitatory"] }] },
        denominator: { pre: [{ dim: "class", values: ["inhibitory"] }] },
      },
    });
    expect(planShapeProblem(q)).toMatch(/cut on class and also grouped by it/);
    expect(planShapeProblem({ ...q, groupBy: [{ dim: "cell_type", side: "post" }] })).toBeUndefined();
  });
});

describe("a count condition narrowed to partners", () => {
  const bc = [{ dim: "cell_type", values: ["BC"] }];
  it("is a condition on a per-root synapse or partner count only", () => {
    const counted = { dim: "out_synapses", min: 50, partners: [{ dim: "cell_type", values: ["23P"] }] };
    expect(
      Query.safeParse({ kind: "query", source: "roots", filter: [...bc, counted], measure: { fn: "count" } }).success,
    ).toBe(true);
    const volume = { dim: "volume", min: 300, partners: [{ dim: "cell_type", values: ["23P"] }] };
    const bad = Query.safeParse({ kind: "query", source: "roots", filter: [...bc, volume], measure: { fn: "count" } });
    expect(bad.success).toBe(false);
  });
  it("holds plain conditions only, not another narrowed count", () => {
    const nested = { dim: "in_synapses", min: 1, partners: [{ dim: "out_synapses", min: 1, partners: bc }] };
    const q = Query.safeParse({ kind: "query", source: "roots", filter: [nested], measure: { fn: "count" } });
    expect(q.success).toBe(false);
  });
});
