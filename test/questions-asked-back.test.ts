import { suite, useQuestionBench } from "./support/questions/bench.js";
import { AMBIGUOUS, INEXPRESSIBLE, NOT_IN_DATA, UNKNOWN } from "./support/questions/asked-back.js";

/**
 * Questions of the bench (support/questions/bench.ts, as in questions.test.ts) that must be asked
 * back, with the wording of the question back: never answered as zero or as something else.
 */

const bench = useQuestionBench();

suite(bench, "ambiguous names are asked back", AMBIGUOUS);
suite(bench, "unknown names are asked back, never counted as zero", UNKNOWN);
suite(bench, "questions the plan language cannot express are asked back", INEXPRESSIBLE);
suite(bench, "ids not in the data are said to be missing", NOT_IN_DATA);
