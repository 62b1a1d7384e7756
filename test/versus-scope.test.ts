import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * "avg syn size BC→23P vs MC": MC is an interneuron as BC is, so "vs MC" may replace either side (BC→MC, or MC→23P).
 * It had been read as the targets compared, silently. Asked back with both readings; a type of the kind it stands
 * beside ("BC→23P vs 4P") is still the targets compared.
 */
describe("a type after vs that could replace either side", () => {
  it.each(["avg syn size BC→23P vs MC", "number of synapses from BC onto 23P vs MC"])("%s: asked back", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it("compares the targets when the type is of the targets' kind: BC→23P vs 4P", async () => {
    expect(await planOf("avg syn size BC→23P vs 4P")).toMatchObject({
      post: [{ dim: "cell_type", values: ["23P", "4P"] }],
      groupBy: [{ dim: "cell_type", side: "post" }],
    });
  });

  it("answers both flows said in full: BC→23P vs MC→23P", async () => {
    expect(await planOf("avg syn size BC→23P vs MC→23P")).toMatchObject({
      pre: [{ dim: "cell_type", values: ["BC", "MC"] }],
      post: [{ dim: "cell_type", values: ["23P"] }],
    });
  });
});
