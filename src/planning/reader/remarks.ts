import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DATA_DIR } from "../../project-root.js";
import type { PlannerResult, QueryPlan } from "../plan.js";
import { discourse, phraseSource } from "./discourse-data.js";
import type { Prepared } from "./prepare.js";
import { restriction } from "./restriction.js";
import { splitSentences } from "./sentences.js";
import { onlyFunctionWords } from "./words.js";

/*
 * Remarks said in passing (data/remarks.json): "no rush, thanks!!", "it's for a committee slide so just
 * the one number pls", "Counting synapses, not partners.", "i.e. mean syn count over connected pairs".
 * Chatter says nothing of the answer; a claim says what the answer is, and is kept as a condition on
 * the plan (see `brokenClaim`): the part is taken as context only when every word of it is one or the other.
 */

const Claim = z.enum([
  "synapses",
  "connections",
  "not-synapses",
  "not-connections",
  "not-partners",
  "groups",
  "single",
  "ids",
  "layer-by-depth",
  "per-connection",
  "cells-once",
]);
export type Claim = z.infer<typeof Claim>;

const RemarksFile = z.object({
  about: z.array(z.string()),
  chatter: z.array(z.string().min(1)),
  connectors: z.array(z.string().min(1)),
  claims: z.array(z.object({ claim: Claim, phrases: z.array(z.string().min(1)) })),
});

interface Remarks {
  chatter: RegExp[];
  connector: RegExp;
  claims: { claim: Claim; phrase: RegExp }[];
}

let cached: Remarks | undefined;

function load(): Remarks {
  if (cached) return cached;
  const file = RemarksFile.parse(JSON.parse(readFileSync(join(DATA_DIR, "remarks.json"), "utf8")));
  const d = discourse();
  const places = { purpose: d.purposeNoun, data: "(?!)" };
  const source = (p: string) => phraseSource(p, places);
  cached = {
    chatter: file.chatter.map((p) => new RegExp(source(p), "gi")),
    connector: new RegExp(file.connectors.map((p) => source(p)).join("|"), "gi"),
    claims: file.claims.flatMap((c) => c.phrases.map((p) => ({ claim: c.claim, phrase: new RegExp(source(p), "gi") }))),
  };
  return cached;
}

/** Parts of a sentence: cut at a spaced dash or a semicolon ("V1 only — sorry, should have said that first"). */
const PART_END = /\s+[—–-]+\s+|\s*;\s*/;

export function remarks(p: Prepared): Prepared {
  const r = load();
  const d = discourse();
  const parts = splitSentences(p.text, d.abbreviations).flatMap((s) => s.split(PART_END));
  // (A remark's words are checked against the rest of the question, never against themselves.)
  const askWithout = (x: string) => p.text.replace(x, " ");
  const context: string[] = [];
  const claims: Claim[] = [...(p.claims ?? [])];
  const kept: string[] = [];
  for (const part of parts) {
    const read = parts.length > 1 ? readPart(part, r, askWithout(part)) : undefined;
    if (read?.whole) {
      context.push(trim(part));
      claims.push(...read.claims);
      continue;
    }
    // ("How many connections …, i.e. distinct pre/post pairs?": a last comma part that only claims.)
    const chunks = commaParts(part);
    let stop = "";
    while (chunks.length > 1) {
      const last = readPart(chunks[chunks.length - 1]!, r, askWithout(chunks[chunks.length - 1]!));
      if (!last.whole) break;
      const cut = chunks.pop()!;
      context.push(trim(cut));
      claims.push(...last.claims);
      stop ||= keepStop(cut);
    }
    const rest = chunks.map((c) => {
      const edges = edgeChatter(c, r, askWithout(c));
      context.push(...edges.chatter);
      return edges.rest;
    });
    kept.push(rest.join(", ").replace(/[\s,]+$/, "") + stop);
  }
  const text = kept.join(" ").trim();
  if (!context.length || !/[A-Za-z0-9]/.test(text)) return p;
  return { ...p, text, context: [...p.context, ...context], ...(claims.length ? { claims } : {}) };
}

/** The part cut at its commas outside brackets ("(cells, not synapses)" stays whole). */
function commaParts(part: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < part.length; i++) {
    const c = part[i]!;
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    else if (c === "," && depth === 0) {
      out.push(part.slice(start, i));
      start = i + 1;
    }
  }
  out.push(part.slice(start));
  return out.map((x) => x.trim());
}

interface ReadPart {
  /** Every word of the part is chatter, a claim or a connector. */
  whole: boolean;
  claims: Claim[];
}

function readPart(part: string, r: Remarks, ask: string): ReadPart {
  // (Matches are blanked with spaces, so the later matches of one pattern keep their places.)
  const take = (re: RegExp, accept: (m: RegExpMatchArray) => boolean) => {
    for (const m of blank.matchAll(re)) {
      if (!m[0] || !accept(m)) continue;
      blank = blank.slice(0, m.index) + " ".repeat(m[0].length) + blank.slice(m.index! + m[0].length);
    }
  };
  // (A purpose's wildcard words are checked like the discourse step's: "for the V1 analysis" may restrict.)
  const quiet = (m: RegExpMatchArray) =>
    m.slice(1).every((w) => w === undefined || !restriction(w, ask, { strict: true, qualifiers: true }, discourse()));
  const claimed = claimsOf(part);
  const claims = claimed.claims;
  let blank = claimed.blank;
  for (const re of r.chatter) take(re, quiet);
  take(r.connector, () => true);
  const empty = /^[\s,.;:!?()'"“”‘’—–-]*$/.test(blank) || (onlyFunctionWords(blank) && claims.length > 0);
  if (blank !== part && empty) {
    return { whole: true, claims };
  }
  return { whole: false, claims: [] };
}

/** Chatter at the start or the end of a part that also asks ("just V1 though" → "just V1"). */
function edgeChatter(part: string, r: Remarks, ask: string): { rest: string; chatter: string[] } {
  let rest = part;
  const chatter: string[] = [];
  for (let guard = 0; guard < 6; guard++) {
    let cut = false;
    for (const re of r.chatter) {
      const src = re.source;
      const end = new RegExp(`[\\s,]*(?:${src})[\\s,.!]*$`, "i").exec(rest);
      const start = new RegExp(`^[\\s,]*(?:${src})[\\s,.!:]*`, "i").exec(rest);
      const m = end ?? start;
      if (!m || m[0].trim() === rest.trim()) continue;
      const words = m.slice(1).filter((w): w is string => w !== undefined);
      if (words.some((w) => restriction(w, ask, { strict: true, qualifiers: true }, discourse()))) continue;
      chatter.push(trim(m[0]));
      rest = end ? rest.slice(0, m.index) + keepStop(m[0]) : rest.slice(m[0].length);
      cut = true;
    }
    if (!cut) break;
  }
  return { rest, chatter };
}

/** A question mark the cut chatter ended with stays: "how many BCs, thanks?" → "how many BCs?". */
const keepStop = (cut: string) => (/\?\s*$/.test(cut) ? "?" : "");
const trim = (t: string) => t.replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, "");

/** The claims a piece of text makes ("by soma depth.", set aside by the discourse step as background). */
export function claimsIn(text: string): Claim[] {
  return claimsOf(text).claims;
}

/**
 * The claims of a text, longest first ("mean syn count over connected pairs" is one claim, not "syn count"
 * and "connected pairs"; "not connections" is not "connections"), and the text with them blanked out.
 */
function claimsOf(text: string): { claims: Claim[]; blank: string } {
  const claims: Claim[] = [];
  let blank = text;
  const found = load().claims.flatMap((c) => [...text.matchAll(c.phrase)].map((m) => ({ claim: c.claim, m })));
  for (const { claim, m } of found.sort((a, b) => b.m[0].length - a.m[0].length)) {
    const at = m.index!;
    if (blank.slice(at, at + m[0].length) !== m[0]) continue;
    claims.push(claim);
    blank = blank.slice(0, at) + " ".repeat(m[0].length) + blank.slice(at + m[0].length);
  }
  return { claims, blank };
}

/** The claim a plan does not do, if any ("counting synapses" of a plan that counts connections). */
export function brokenClaim(plan: QueryPlan, claims: Claim[]): Claim | undefined {
  if (plan.kind !== "query") return claims[0];
  return claims.find((c) => !keeps(plan, c));
}

type Query = Extract<QueryPlan, { kind: "query" }>;

function keeps(q: Query, c: Claim): boolean {
  const m = q.measure;
  const of = "of" in m ? m.of : undefined;
  const grouped = q.groupBy.length > 0 || (q.compare?.length ?? 0) > 0;
  const synapseCount =
    (q.source === "synapses" && (m.fn === "count" || m.fn === "fraction")) ||
    of === "synapses" ||
    of === "in_synapses" ||
    of === "out_synapses";
  const dims = [
    ...q.filter,
    ...q.pre,
    ...q.post,
    ...(q.compare ?? []).flatMap((x) => [...(x.pre ?? []), ...(x.post ?? []), ...(x.filter ?? [])]),
  ];
  switch (c) {
    case "synapses":
      return synapseCount && !(q.source === "connections" && m.fn === "count");
    case "connections":
      return q.source === "connections" && (m.fn === "count" || (m.fn === "mean" && of === "synapses"));
    case "not-synapses":
      return !(q.source === "synapses" && m.fn === "count") && of !== "in_synapses" && of !== "out_synapses";
    case "not-connections":
      return !(q.source === "connections" && m.fn === "count");
    case "not-partners":
      return m.fn !== "distinct" && of !== "in_partners" && of !== "out_partners";
    case "groups":
      return grouped;
    case "single":
      return !grouped && m.fn !== "list";
    case "ids":
      return m.fn === "list" || q.groupBy.some((g) => g.dim === "root_id");
    case "layer-by-depth":
      return dims.some((f) => f.dim === "layer") || q.groupBy.some((g) => g.dim === "layer");
    case "per-connection":
      return q.source === "connections" && m.fn === "mean" && of === "synapses";
    case "cells-once":
      return q.source === "cells" || q.source === "nuclei";
  }
}

const SAID: Record<Claim, string> = {
  synapses: "counting synapses",
  connections: "counting connections (connected pairs)",
  "not-synapses": "not synapses",
  "not-connections": "not connections",
  "not-partners": "not partners",
  groups: "one figure for each",
  single: "one number",
  ids: "the ids",
  "layer-by-depth": "layers by soma depth",
  "per-connection": "the mean synapse count per connection",
  "cells-once": "each cell once",
};

/** The answer when the plan does not do what the question said of it: asked back, naming what was said. */
export function claimBack(claim: Claim, result: PlannerResult): PlannerResult {
  return {
    type: "clarify",
    message: `You said ${SAID[claim]}, but that is not how I read the rest of the question; please rephrase it.`,
    suggestions: [],
    ...(result.type === "plan" ? { reading: result.reading } : {}),
  };
}
