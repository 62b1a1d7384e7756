import type { Prepared } from "./prepare.js";

/*
 * "What percentage of the postsynaptic partners of 8646… receive at least 5 synapses from it?": each partner of one
 * root is one connection with it, so the share of its partners that get N synapses is the share of its connections
 * with N synapses. Said as the reader reads it, "what percentage of the outgoing connections of 8646… have at least
 * 5 synapses".
 */
const SIDE: Record<string, string> = {
  postsynaptic: "outgoing",
  downstream: "outgoing",
  output: "outgoing",
  presynaptic: "incoming",
  upstream: "incoming",
  input: "incoming",
};
const BOUND =
  String.raw`(at\s+least|more\s+than|over|fewer\s+than|less\s+than|at\s+most)\s+(\d+)|` +
  String.raw`(\d+)\s+or\s+(more|fewer)`;
const PARTNERS_SHARE = new RegExp(
  String.raw`\b(what|which)\s+(percentage|percent|fraction|share|proportion|%)\s+of\s+(?:the\s+|its\s+|all\s+` +
    String.raw`(?:the\s+|its\s+)?)?(postsynaptic|downstream|output|presynaptic|upstream|input)\s+partners\s+of\s+` +
    String.raw`(\d{15,20})\s+(?:receive|get|make|send|have|are\s+connected\s+by)\s+(?:${BOUND})\s+synapses?` +
    String.raw`(?:\s+(?:from|onto|to|with)\s+(?:it|that\s+cell|this\s+cell|\d{15,20}))?`,
  "i",
);

export function partnersShare(p: Prepared): Prepared {
  const m = PARTNERS_SHARE.exec(p.text);
  if (!m) return p;
  const [what, share, side, root, word, n, n2, more] = m.slice(1) as (string | undefined)[];
  const bound = word ? `${word.replace(/\s+/g, " ")} ${n!}` : `${more === "more" ? "at least" : "at most"} ${n2!}`;
  const said = `${what!} ${share!} of the ${SIDE[side!.toLowerCase()]!} connections of ${root!} have ${bound} synapses`;
  return { ...p, text: p.text.slice(0, m.index) + said + p.text.slice(m.index + m[0].length) };
}

/*
 * "Of the 23P→BC connections, what percentage are reciprocated?": the connections, the whole, said first. Said as
 * "what percentage of the 23P→BC connections are reciprocated", where the reader takes the whole after "of".
 */
const CONNECTIONS_FIRST = new RegExp(
  String.raw`^\s*(?:of|out\s+of|among)\s+(?:all\s+)?(?:the\s+)?(.+?\s+(?:connections|conns|connected\s+pairs))\s*,\s*` +
    String.raw`(?:what|which)\s+(percentage|percent|fraction|share|proportion|%)\s+(?:of\s+them\s+)?` +
    String.raw`(are|is|have|has|were)\s+`,
  "i",
);

export function connectionsFirst(p: Prepared): Prepared {
  const m = CONNECTIONS_FIRST.exec(p.text);
  if (!m) return p;
  const [, whole, share, verb] = m as unknown as [string, string, string, string];
  return { ...p, text: `what ${share} of the ${whole} ${verb} ${p.text.slice(m[0].length)}` };
}
