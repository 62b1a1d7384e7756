import { ASIDES } from "./discourse/asides.js";
import { POLITENESS } from "./discourse/politeness.js";
import type { Wording } from "./discourse/wording.js";

/**
 * Wordings for the discourse step's tests (reader-discourse.test.ts), kept by kind in discourse/:
 * what a wording holds is told in discourse/wording.ts.
 */
export type { Wording } from "./discourse/wording.js";
export { RESTRICTIONS } from "./discourse/restrictions.js";

export const WORDINGS: Wording[] = [...POLITENESS, ...ASIDES];
