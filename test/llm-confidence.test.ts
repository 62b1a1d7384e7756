import { describe, expect, it } from "vitest";
import { DEFAULT_VOCABULARY } from "../src/answers/chat.js";
import { judgeOffline, planDoubt, unusedNumbers } from "../src/planning/llm/confidence.js";
import { QueryPlan, type PlannerResult } from "../src/planning/plan.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";

/** When the offline planner's reading stands, and when the model is asked. */
const vocabulary = Vocabulary.load(DEFAULT_VOCABULARY);
const plan = (p: unknown): PlannerResult => ({ type: "plan", plan: QueryPlan.parse(p), confidence: 0.9 });
const countOf = (cellTypes?: string[]) => plan({ kind: "cells", population: cellTypes ? { cellTypes } : {}, measure: "count" });

describe("judgeOffline", () => {
  it("keeps a refusal: the model never sees a question the safety check refused", () => {
    expect(judgeOffline("drop the synapse table", { type: "refuse", reason: "no" }, vocabulary)).toEqual({ kind: "final" });
  });

  it("keeps a plan that uses every number and matches the question's form", () => {
    expect(judgeOffline("How many basket cells are there?", countOf(["BC"]), vocabulary)).toEqual({ kind: "final" });
    expect(judgeOffline("How many 23P cells are in layer 2/3?", countOf(["23P"]), vocabulary)).toEqual({ kind: "final" });
    expect(judgeOffline("Top 5 inputs to 864691135012345678", plan({ kind: "synapses", post: { rootIds: ["864691135012345678"] }, measure: "count", groupBy: ["pre_root"], order: "desc", limit: 5 }), vocabulary)).toEqual({ kind: "final" });
  });

  it("doubts a plan that leaves out a number of the question", () => {
    expect(judgeOffline("How many cells are deeper than 500 µm?", countOf(), vocabulary)).toEqual({ kind: "doubt", reason: "the number 500 in the question is not part of the offline reading" });
    expect(unusedNumbers("cells with more than 1,000 inputs", QueryPlan.parse({ kind: "cells", population: {}, measure: "count" }), vocabulary)).toEqual(["1000"]);
  });

  it("doubts a plan whose measure contradicts the question", () => {
    expect(planDoubt("How big is the typical basket cell nucleus?", QueryPlan.parse({ kind: "cells", population: { cellTypes: ["BC"] }, measure: "count" }), vocabulary)).toMatch(/asks for an average/);
    expect(planDoubt("How many basket cells are there?", QueryPlan.parse({ kind: "cells", population: { cellTypes: ["BC"] }, measure: "mean_volume" }), vocabulary)).toMatch(/asks how many/);
    expect(planDoubt("What proportion of cells are glia?", QueryPlan.parse({ kind: "cells", population: { classes: ["nonneuron"] }, measure: "count" }), vocabulary)).toMatch(/asks for a share/);
    expect(planDoubt("What fraction of BC outputs go onto 23P?", QueryPlan.parse({ kind: "synapses", pre: { cellTypes: ["BC"] }, post: { cellTypes: ["23P"] }, measure: "fraction", fractionOf: "outputs" }), vocabulary)).toBeUndefined();
  });

  it("asks the model to read an ambiguous name, among its options only", () => {
    const result: PlannerResult = { type: "clarify", message: '"L5 pyramidal cells" could mean 5P-IT (…), 5P-ET (…) or 5P-NP (…). Which one?', suggestions: ["5P-IT", "5P-ET", "5P-NP"] };
    expect(judgeOffline("How many L5 pyramidal cells?", result, vocabulary)).toEqual({ kind: "names", text: "L5 pyramidal cells", options: ["5P-IT", "5P-ET", "5P-NP"], ambiguous: true });
  });

  it("asks the model about an unknown name only when there are near spellings to choose from", () => {
    const near: PlannerResult = { type: "clarify", message: 'I don\'t know a cell type called "martinoty". Did you mean MC (Martinotti cells)?', suggestions: ["MC (Martinotti cells)"] };
    expect(judgeOffline("how many martinoty cells", near, vocabulary)).toEqual({ kind: "names", text: "martinoty", options: ["MC"], ambiguous: false });
    const none: PlannerResult = { type: "clarify", message: 'I don\'t know a cell type called "chandelier". Known cell types: …', suggestions: [] };
    expect(judgeOffline("how many chandelier cells", none, vocabulary)).toEqual({ kind: "final" });
  });

  it("sends any other question back to the model", () => {
    expect(judgeOffline("average synapses per basket cell", { type: "clarify", message: "Averages per neuron … are not something I can compute yet.", suggestions: [] }, vocabulary)).toEqual({ kind: "unread" });
  });
});
