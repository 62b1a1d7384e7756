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

const CELLS = String.raw`((?:[\w/→>-]+\s+){0,5}?[\w/→>-]+)`;
const LOW_ORDER = /^(?:ascending|lowest\s+first|smallest\s+first)$/i;
const RANK_FIRST = new RegExp(
  String.raw`^\s*(?:please\s+)?(?:(?:can|could)\s+you\s+)?(?:sort|rank|order)\s+(?:all\s+)?(?:the\s+)?${CELLS}\s+` +
    String.raw`by\s+(.+?)\s*(?:,?\s*(${ORDER}))?\s*([.?!]?)\s*$`,
  "i",
);
const RANKED_AFTER = new RegExp(
  String.raw`^\s*(?:please\s+)?(?:(?:list|show|give)\s+(?:me\s+)?)?(?:all\s+)?(?:the\s+)?${CELLS}\s*,?\s+` +
    String.raw`(?:ranked|sorted|ordered)\s+by\s+(.+?)\s*(?:,?\s*(${ORDER}))?\s*([.?!]?)\s*$`,
  "i",
);

/**
 * "rank BCs by output synapses", "list BCs ranked by output synapses", "sort the MCs by depth, ascending": the
 * cells named are the rows, in order, as "top BCs by output synapses" says. ("rank BCs by …" had been asked back;
 * "list BCs ranked by output synapses" had ranked the BCs' targets.) The lowest first when said.
 */
export function rankedBy(p: Prepared): Prepared {
  const m = RANK_FIRST.exec(p.text) ?? RANKED_AFTER.exec(p.text);
  if (!m || /^(?:top|bottom|first|last)\b/i.test(m[1]!)) return p;
  const [, cells, by, order, stop] = m as unknown as (string | undefined)[];
  const which = order && LOW_ORDER.test(order) ? "bottom" : "top";
  return { ...p, text: `${which} ${cells!} by ${by!}${stop || ""}` };
}
