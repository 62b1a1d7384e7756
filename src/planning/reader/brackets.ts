import type { Prepared } from "./prepare.js";

/**
 * "# neurons in L4 (by soma depth; excl. glia)": a semicolon inside brackets joins two remarks of one
 * question; it does not end a question (it had been read as two questions in one).
 */
export function bracketSemicolons(p: Prepared): Prepared {
  const text = p.text.replace(/\(([^()]*)\)/g, (all, inside: string) =>
    inside.includes(";") ? `(${inside.replace(/\s*;\s*/g, ", ")})` : all,
  );
  return text === p.text ? p : { ...p, text };
}
