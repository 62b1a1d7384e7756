/**
 * A wording for the discourse step's tests. `ask` is the text the reader should read (compared
 * without case, spacing and end punctuation; the question itself when nothing may be set aside);
 * `keep` are words that must stay in it; `context`, when given, what must be set aside.
 */
export interface Wording {
  why: string;
  q: string;
  ask?: string;
  keep?: string[];
  context?: string[];
}

/** Root ids the wordings name. */
export const R = "864691135051986780";
export const R2 = "864691135051986781";

/** A wording read as it stands: nothing in it may be set aside. */
export const same = (why: string, q: string): Wording => ({ why, q, ask: q });
