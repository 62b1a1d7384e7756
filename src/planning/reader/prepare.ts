import { discourseStep } from "./discourse.js";

/**
 * Before the words are read: steps that turn the question as typed into the question to read, and
 * say what they set aside. Each step takes the text and returns the text to read next plus the
 * parts it took as context (a greeting, a citation, a sentence of background), so the answer can
 * say what it did not read and why. A step never drops a restriction: when in doubt, it leaves
 * the words for the reader, which asks back about anything it cannot account for.
 */
export interface Prepared {
  /** The text the reader reads. */
  text: string;
  /** Parts of the question taken as context, in the words typed. */
  context: string[];
}

export type PrepareStep = (p: Prepared) => Prepared;

/** The steps in order (each module of a step adds itself here). */
const STEPS: PrepareStep[] = [discourseStep];

export function prepare(question: string): Prepared {
  let p: Prepared = { text: question, context: [] };
  for (const step of STEPS) p = step(p);
  return p;
}
