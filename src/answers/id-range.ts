/**
 * Numbers in a question that cannot be root ids, caught before the question is read. A root id is
 * an unsigned 64-bit integer, and the store keeps it in SQLite's signed 64-bit INTEGER, so a
 * question can only name 0 to 2^63-1: a larger number failed deep in SQLite ("the bound bigint is
 * too big"), and a minus sign was dropped and the positive id answered for.
 */
const MAX_ID = (1n << 63n) - 1n;
/** Id-like numbers: ten digits or more (root and supervoxel ids have 17 or 18, a cut one 9). */
const LONG_NUMBER = /\d{10,}/g;
const MINUS = new Set(["-", "\u2212"]);

/** A message naming the first number in the question that cannot be an id, or undefined. */
export function idRangeProblem(question: string): string | undefined {
  for (const match of question.matchAll(LONG_NUMBER)) {
    const at = match.index;
    const before = question[at - 1] ?? "";
    // A minus sign, not a hyphen between two words or numbers ("A-864…" or a range "864…-864…").
    const negative = MINUS.has(before) && !/[\w.]/.test(question[at - 2] ?? "");
    if (before === "." || /\w/.test(before)) continue;
    const range = "root ids are unsigned 64-bit integers (0 to 9223372036854775807 in this store)";
    if (negative) return `${before}${match[0]} is negative: ${range}. Check the id.`;
    if (BigInt(match[0]) > MAX_ID) return `${match[0]} is out of range: ${range}. Check the id.`;
  }
  return undefined;
}
