import { describe, expect, it } from "vitest";
import { planOf, queryOf } from "./support/reader-plans.js";

/**
 * A cell type and a class no cell of that type has ("excitatory BCs", "avg BC inputs per cell by exc type"):
 * an empty answer had been given, as if there were no such cells. It is asked back, naming both.
 */
describe("a cell type said with a class it is not", () => {
  it.each(["how many excitatory BCs", "inhibitory 23P cells in V1"])("asks back: %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  // (Stop 40: "avg BC inputs per cell by exc type" is each excitatory cell's inputs from BCs, averaged per type.)
  it("reads BC inputs per cell by excitatory type as the BCs' synapses onto each cell", async () => {
    expect(await queryOf("avg BC inputs per cell by exc type")).toMatchObject({
      source: "roots",
      filter: [{ dim: "class", values: ["excitatory"] }],
      partners: [{ dim: "cell_type", values: ["BC"] }],
      groupBy: [{ dim: "cell_type" }],
    });
  });

  it("keeps a class its type has", async () => {
    expect(await queryOf("how many inhibitory MCs")).toMatchObject({ filter: [{ dim: "cell_type", values: ["MC"] }] });
    expect(await queryOf("excitatory neurons by type")).toMatchObject({
      filter: [{ dim: "class", values: ["excitatory"] }],
    });
  });
});
