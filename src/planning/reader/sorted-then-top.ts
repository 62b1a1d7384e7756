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
const NOT_CELLS =
  /\b(?:types?|areas?|layers?|m-?types?|class(?:es)?|connections?|conns?|pairs?|synapses?|syns?|groups?|them|it)\b/i;
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

/** "Among the L2/3 pyramidal cells, rank by the number of BC synapses received, and give the top 4". */
const AMONG_RANK = new RegExp(
  String.raw`^\s*among\s+(?:all\s+)?(?:the\s+)?${CELLS}\s*,\s*(?:rank|sort|order)\s+(?:them\s+)?by\s+([^,;:()]+?)` +
    String.raw`(?:\s*,?\s*(?:and\s+)?(?:give|show|list|tell)\s+(?:me\s+)?the\s+(top|bottom)\s+(\w+))?\s*([.?!]?)\s*$`,
  "i",
);

/**
 * "rank BCs by output synapses", "list BCs ranked by output synapses", "sort the MCs by depth, ascending": the
 * cells named are the rows, in order, as "top BCs by output synapses" says. ("rank BCs by …" had been asked back;
 * "list BCs ranked by output synapses" had ranked the BCs' targets.) The lowest first when said.
 */
export function rankedBy(p: Prepared): Prepared {
  const among = AMONG_RANK.exec(p.text);
  if (among && !NOT_CELLS.test(among[1]!)) {
    const [, cells, by, end, n, stop] = among as unknown as (string | undefined)[];
    return { ...p, text: `${end ?? "top"}${n ? ` ${n}` : ""} ${cells!} by ${by!}${stop || ""}` };
  }
  const m = RANK_FIRST.exec(p.text) ?? RANKED_AFTER.exec(p.text);
  // (Cells only: kinds of group ("rank the types by …"), connections and synapses are ranked as they are read.)
  if (!m || /^(?:top|bottom|first|last)\b/i.test(m[1]!) || NOT_CELLS.test(m[1]!)) return p;
  const [, cells, by, order, stop] = m as unknown as (string | undefined)[];
  // (Anything more said after the measure, "by depth, shallowest first", is left to the reader as it is.)
  if (/[,;:()]|\bfirst\b|\border\b|\b(?:top|bottom)\b/i.test(by!)) return p;
  // (Nor sets listed to be ranked, "rank BC/MC/BPC by …", "BCs and MCs ranked by …": each set is a row.)
  if (/[A-Za-z0-9-]\/[A-Za-z]|\b(?:and|or|vs)\b|[&+]/i.test(cells!)) return p;
  // (Nor cells named by a flag alone, "proofread cells", which may be of either side of the flow ranked by.)
  if (
    /^(?:[\w-]+\s+)?(?:proofread|coreg\w*|co-registered|tuned|imaged|matched)\s+(?:cells|neurons|roots)$/i.test(cells!)
  )
    return p;
  const which = order && LOW_ORDER.test(order) ? "bottom" : "top";
  return { ...p, text: `${which} ${cells!} by ${by!}${stop || ""}` };
}

/** "areas by avg nuc vol", "cell types by mean gOSI": the kinds of group said first, then a statistic. */
const GROUPS_BY_STATISTIC = new RegExp(
  String.raw`^\s*(?:the\s+)?((?:visual\s+|brain\s+|cortical\s+)?areas|(?:cell\s+|m-?)?types|layers|` +
    String.raw`classes|subclasses)` +
    String.raw`\s+by\s+(?=(?:the\s+)?(?:mean|average|avg|median|total|number|count|#|max(?:imum)?|min(?:imum)?)\b)`,
  "i",
);

/**
 * "areas by avg nuc vol (neurons only)": groups named first and then "by" a statistic are the groups in the
 * order of it, as "rank areas by …" says; they had come in the table's order.
 */
export function groupsByStatistic(p: Prepared): Prepared {
  const text = p.text.replace(GROUPS_BY_STATISTIC, "rank $1 by ");
  return text === p.text ? p : { ...p, text };
}
