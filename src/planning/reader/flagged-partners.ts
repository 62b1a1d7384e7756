import type { Prepared } from "./prepare.js";

/*
 * "coregistered inputs of 8646…", "coreg'd inputs of 8646…", "8646…'s proofread outputs": said alone, with what
 * only a cell can be (coregistered, proofread, tuned), the inputs are the cells, as "coregistered input partners
 * of 8646…" says (they had been counted as synapses). Only the bare phrase: "how many coregistered inputs …" asks
 * a count and is left to the reader.
 */

const FLAG = String.raw`(?:coregistered|co-registered|coreg'?d|coreg|proofread|axon-proofread|tuned|functionally\s+matched)`;
const ROOT = String.raw`\d{15,20}`;
const OF_ROOT = new RegExp(
  String.raw`^\s*(?:the\s+)?(${FLAG})\s+(input|output)s\s+(of|to|onto|from)\s+(${ROOT})\s*([?.!]*)\s*$`,
  "i",
);
const ROOTS = new RegExp(String.raw`^\s*(${ROOT})'s\s+(${FLAG})\s+(input|output)s\s*([?.!]*)\s*$`, "i");

export function flaggedPartners(p: Prepared): Prepared {
  const a = OF_ROOT.exec(p.text);
  if (a) return { ...p, text: `${a[1]} ${a[2]} partners ${a[3]} ${a[4]}${a[5] ?? ""}` };
  const b = ROOTS.exec(p.text);
  if (b) return { ...p, text: `${b[1]}'s ${b[2]} ${b[3]} partners${b[4] ?? ""}` };
  return p;
}
