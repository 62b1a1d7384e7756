import type { Prepared } from "./prepare.js";

/*
 * "Sort the L2/3 pyramidal cells by how many synapses they make, descending, and show me the top ten root ids": the
 * cells sorted are the rows, so the top ten are ten of them. Said as "top ten L2/3 pyramidal cells by how many
 * synapses they make". The "root ids" said apart had been read as other cells, the targets, grouped: a silent
 * misread (the ten 23P cells' ids are shown anyway).
 */
const ORDER =
  String.raw`descending|ascending|highest\s+first|lowest\s+first|largest\s+first|smallest\s+first|` +
  String.raw`from\s+(?:most|highest|largest)\s+to\s+(?:least|lowest|smallest)`;
const ENDS = "highest|largest|biggest|most|lowest|smallest|fewest";
const LOW = /^(?:bottom|lowest|smallest|fewest)$/i;
const SORTED_THEN_TOP = new RegExp(
  String.raw`^\s*(?:please\s+)?(?:sort|rank|order)\s+(?:all\s+)?(?:the\s+)?((?:[\w/→>-]+\s+){0,5}?[\w/→>-]+)\s+by\s+` +
    String.raw`(.+?)\s*,?\s*(?:(${ORDER})\s*,?\s*)?(?:and\s+)?(?:then\s+)?` +
    String.raw`(?:(?:show|give|list|tell)\s+(?:me\s+)?(?:the\s+)?)?(?:(top|bottom|first)\s+(\w+)|(\w+)\s+(${ENDS}))` +
    String.raw`(?:\s+(?:root\s+ids|ids|roots|cells|neurons|of\s+them|ones))?\s*([.?!]?)\s*$`,
  "i",
);

export function sortedThenTop(p: Prepared): Prepared {
  const m = SORTED_THEN_TOP.exec(p.text);
  if (!m) return p;
  const [, cells, by, order, end, n, n2, end2, stop] = m as unknown as (string | undefined)[];
  const which = LOW.test(end ?? end2!) ? "bottom" : "top";
  return { ...p, text: `${which} ${n ?? n2!} ${cells!} by ${by!}${order ? `, ${order}` : ""}${stop || ""}` };
}
