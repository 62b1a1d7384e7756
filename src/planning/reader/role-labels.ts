import type { Prepared } from "./prepare.js";

/*
 * "source: 23P, target: 5P-IT - how many synapses", "Target L5 IT, source layer 2/3 pyramidal: how many
 * connections", "23P targets, L4 pyramidal sources: mean # syn per pair", "Martinotti targets, VIP presynaptic
 * cells with somata in L2/3, …": each side labelled by its role, both said together, is said as "pre 23P, post
 * 5P-IT", which the reader reads. (The labels had been a list of one side's kinds, or set aside as a lead-in, and
 * the question was answered for every cell.) A role said after the cells ("23P targets") alone is left to the
 * reader, which asks whether the targets of 23P or targets that are 23P are meant; said beside the other side's
 * role it can only be the second.
 */

const ROLE = String.raw`(sources?|targets?|upstream|downstream)`;
/** A role said after the cells ("23P targets", "BC presynaptic cells"). */
const ROLE_WORDS = String.raw`sources?|targets?|(?:pre|post)synaptic(?:\s+(?:cells?|partners?|neurons?|side))?`;
const ROLE_AFTER = String.raw`(${ROLE_WORDS})`;
// ("layer 2/3 pyramidal": a slash inside a name; between the two sides only with spaces around it.)
const CELLS = String.raw`(?!(?:of|is|are|cells?\s+of)\b)([^,;:|?=]{1,40}?)`;
// (Said before its role, a few words of a name: "neurons with somata in L2/3 as targets" is left to the reader.)
const NOT_A_NAME = String.raw`(?:as|with|for|that|which|from|onto|to|of|in|and|all|the|taking)\b`;
const NAME = String.raw`((?:(?!${NOT_A_NAME})[^,;:|?=\s]+\s*){1,4}?)`;
const SIDE = String.raw`(?:${ROLE}\s*[:=]?\s*${CELLS}|${NAME}\s+${ROLE_AFTER}(?:\s+anywhere)?)`;
const SEPARATOR = String.raw`\s*(?:[,;|&+]|\s\/\s|,?\s+(?:and|plus)\s+)\s*`;
const LABELLED = new RegExp(
  String.raw`(^|[.?!:]\s+)${SIDE}${SEPARATOR}${SIDE}\s*(?=[:,.?!]|\s[-—–]\s|\s+with\b|$)`,
  "gi",
);

const sideOf = (role: string) => (/^(source|upstream|pre)/i.test(role) ? "pre" : "post");

/** The role and the cells of a side matched as "ROLE cells" (two groups) or "cells ROLE" (the next two). */
function side(groups: (string | undefined)[]): { role: string; cells: string } {
  const [role, cells, cellsAfter, roleAfter] = groups;
  return role !== undefined ? { role, cells: cells ?? "" } : { role: roleAfter ?? "", cells: cellsAfter ?? "" };
}

export function roleLabels(p: Prepared): Prepared {
  const text = p.text.replace(LABELLED, (all, lead: string, ...groups: (string | undefined)[]) => {
    const [a, b] = [side(groups.slice(0, 4)), side(groups.slice(4, 8))];
    const [sideA, sideB] = [sideOf(a.role), sideOf(b.role)];
    return sideA === sideB ? all : `${lead}${sideA} ${a.cells.trim()}, ${sideB} ${b.cells.trim()}`;
  });
  return text === p.text ? p : { ...p, text };
}

/** "For 6P-CT cells as the target: tabulate synapse counts by presynaptic type": one side labelled, before a colon. */
const ONE_LABELLED = new RegExp(
  String.raw`^(\s*)(?:(?:for|with|taking)\s+)?((?:(?!(?:as|and)\b)[^,;:?=\s]+\s+){0,5}?(?!(?:as|and)\b)[^,;:?=\s]+)` +
    String.raw`\s+as\s+(?:the\s+)?` +
    String.raw`(${ROLE_WORDS}|(?:pre|post)\s+side)\s*:`,
  "i",
);

const SHARE_WORDS = /%|\b(?:fraction|percent(?:age)?|share|proportion|pct)\b/i;

/**
 * The side labelled alone, before the ask: "onto 6P-CT:". Read as said, "target" had also been a grouping by
 * each target root, and the counts by presynaptic type were split per 6P-CT cell.
 */
export function oneRoleLabel(p: Prepared): Prepared {
  // (Not a root: "with 8646… as the presynaptic cell: …"; nor before a share, whose part the label may be.)
  if (SHARE_WORDS.test(p.text)) return p;
  const text = p.text.replace(ONE_LABELLED, (all, lead: string, cells: string, role: string) =>
    /\d{15,20}/.test(cells) ? all : `${lead}${sideOf(role) === "pre" ? "from" : "onto"} ${cells}:`,
  );
  return text === p.text ? p : { ...p, text };
}
