import { describe, expect, it } from "vitest";
import { goldRows } from "./support/question-bench.js";
import { suite, title, useQuestionBench } from "./support/questions/bench.js";
import { NOPE } from "./support/questions/golds.js";
import { CELL_TYPES, COREGISTRATION, PER_NEURON, PROOFREADING, SIZES } from "./support/questions/types-sizes.js";
import { COUNTS, LOOKUPS, PARTNERS } from "./support/questions/counts-lookups-partners.js";
import { AMBIGUOUS, INEXPRESSIBLE, NOT_IN_DATA, UNKNOWN } from "./support/questions/asked-back.js";
import { FOLLOW_UPS } from "./support/questions/follow-ups.js";

/**
 * What the question bank (test/bank, judged by test/bank.test.ts) cannot judge: the wording of an
 * answer or of a question back, checks on an answer's table or chart, and follow-up conversations.
 * Each case is still judged against its gold, computed here with plain SQL over the raw CSV exports
 * (the views of ../shared/eval/check.py: syn, ct, root_type, nuc, proof, coreg; and mt for m-types).
 * The other questions of the former bench, with their golds, are test/bank/dev-legacy.jsonl.
 * None of these questions is copied from ../shared/eval/questions.jsonl. The bench and its cases are
 * in support/questions/; the questions asked back and the follow-ups have test files of their own.
 */

const bench = useQuestionBench();
suite(bench, "counts of cells, types, classes and nuclei", COUNTS);
suite(bench, "lookups by root id or nucleus id", LOOKUPS);
suite(bench, "a neuron's inputs and outputs", PARTNERS);
suite(bench, "cell type to cell type connectivity", CELL_TYPES);
suite(bench, "synapse size and nucleus volume statistics", SIZES);
suite(bench, "synapses per neuron, averaged over a type", PER_NEURON);
suite(bench, "proofreading", PROOFREADING);
suite(bench, "coregistration with functional imaging", COREGISTRATION);

describe("the bench itself", () => {
  it("keeps here only what the bank cannot judge: a text, a check or a conversation", () => {
    const cases = [
      COUNTS,
      LOOKUPS,
      PARTNERS,
      CELL_TYPES,
      SIZES,
      PER_NEURON,
      PROOFREADING,
      COREGISTRATION,
      AMBIGUOUS,
      UNKNOWN,
      INEXPRESSIBLE,
      NOT_IN_DATA,
    ].flat();
    for (const c of cases) expect(c.text ?? c.check ?? c.chart, title(c)).toBeDefined();
    expect(cases.length + FOLLOW_UPS.reduce((s, f) => s + f.steps.length, 0)).toBeGreaterThanOrEqual(100);
  });

  it("never uses a root id that is in the data as the missing one", () => {
    expect(
      goldRows(
        bench.raw,
        `SELECT count(*) FROM syn WHERE pre_pt_root_id = ${NOPE} OR post_pt_root_id = ${NOPE}`,
      )[0]![0],
    ).toBe(0);
    expect(goldRows(bench.raw, `SELECT count(*) FROM nuc WHERE pt_root_id = ${NOPE} OR id = 99`)[0]![0]).toBe(0);
  });
});
