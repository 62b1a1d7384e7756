import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DATA_DIR } from "../../project-root.js";
import { discourse, phraseSource } from "./discourse-data.js";
import { Claim, claimsOf, type ClaimPhrase } from "./claims.js";
import type { Prepared } from "./prepare.js";
import { restriction } from "./restriction.js";
import { splitSentences } from "./sentences.js";
import { namesOf, onlyFunctionWords } from "./words.js";

/*
 * Remarks said in passing (data/remarks.json): "no rush, thanks!!", "it's for a committee slide so just
 * the one number pls", "Counting synapses, not partners.", "i.e. mean syn count over connected pairs".
 * Chatter says nothing of the answer; a claim says what the answer is, and is kept as a condition on
 * the plan (see `brokenClaim`): the part is taken as context only when every word of it is one or the other.
 */

const RemarksFile = z.object({
  about: z.array(z.string()),
  chatter: z.array(z.string().min(1)),
  later: z.array(z.string().min(1)),
  connectors: z.array(z.string().min(1)),
  claims: z.array(z.object({ claim: Claim, phrases: z.array(z.string().min(1)) })),
});

interface Remarks {
  chatter: RegExp[];
  /** Chatter of what the asker will do later: names in its wildcards are what the question leaves out. */
  later: Set<RegExp>;
  /** The same, each matching a whole piece of context. */
  laterWhole: RegExp[];
  connector: RegExp;
  claims: ClaimPhrase[];
}

let cached: Remarks | undefined;

function load(): Remarks {
  if (cached) return cached;
  const file = RemarksFile.parse(JSON.parse(readFileSync(join(DATA_DIR, "remarks.json"), "utf8")));
  const d = discourse();
  const places = { purpose: d.purposeNoun, data: "(?!)", asker: d.askerNoun };
  const source = (p: string) => phraseSource(p, places);
  const later = file.later.map((p) => new RegExp(source(p), "gi"));
  cached = {
    // (The discourse step's greetings and polite phrases are chatter here too, with their wildcards checked.)
    chatter: [
      ...[...file.chatter, ...d.file.greetings, ...d.file.politeness].map((p) => new RegExp(source(p), "gi")),
      ...later,
    ],
    later: new Set(later),
    laterWhole: later.map((re) => new RegExp(String.raw`^[\s,.;:!?-]*(?:${re.source})[\s,.;:!?-]*$`, "i")),
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
  // ("ok so I'm putting together a supp figure and need the numbers first: broken down by …": a lead of
  // chatter before a colon; any other lead, "MCs in L5: how many?", is the reader's.)
  parts.forEach((part, k) => {
    const colon = /:\s+/.exec(part);
    const lead = colon ? part.slice(0, colon.index) : "";
    if (!colon || !readPart(lead, r, askWithout(lead)).whole) return;
    context.push(trim(lead));
    parts[k] = part.slice(colon.index + colon[0].length);
  });
  const claims: Claim[] = [...(p.claims ?? [])];
  const kept: string[] = [];
  for (const whole of parts) {
    // ("how many connections (distinct pre/post pairs)?": a bracket of remarks, wherever it stands.)
    const part = whole.replace(/\s*\(([^()]*)\)/g, (m, inner: string) => {
      const read = readPart(inner, r, askWithout(m));
      if (!read.whole) return m;
      context.push(trim(inner));
      claims.push(...read.claims);
      return "";
    });
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
    // ("Hmm, list the NGCs", "Not urgent, but …": a first comma part that is all chatter.)
    // (A claim said first is held to the plan like one said last: "by soma depth, how many BCs in L5".)
    for (let first = readPart(chunks[0]!, r, askWithout(chunks[0]!)); chunks.length > 1 && first.whole;) {
      context.push(trim(chunks.shift()!));
      claims.push(...first.claims);
      // ("Feedforward, i.e. presynaptic in V1 …": the connector after a claim said first goes with it.)
      chunks[0] = chunks[0]!
        .replace(/^(?:but|so|and)\s+/i, "")
        .replace(new RegExp(`^(?:${r.connector.source})[\\s,:]*`, "i"), "");
      first = readPart(chunks[0], r, askWithout(chunks[0]));
    }
    const rest = chunks.map((c) => {
      const edges = edgeChatter(c, r, askWithout(c));
      context.push(...edges.chatter);
      return edges.rest;
    });
    const said = rest.join(", ").replace(/[\s,]+$/, "") + stop;
    const place = kept.length ? afterthoughtPlace(said) : undefined;
    if (place) kept.push(kept.pop()!.replace(/\s*([?.!]*)\s*$/, ` in ${place}$1`));
    else kept.push(said);
  }
  const text = kept.join(" ").trim();
  if (!context.length || !/[A-Za-z0-9]/.test(text)) return p;
  return { ...p, text, context: [...p.context, ...context], ...(claims.length ? { claims } : {}) };
}

/**
 * "how many BCs? V1 only", "… ? just L5": a place said after the question, alone, narrows it (said again
 * in the question, where the reader reads it). Only an area or a layer: "BCs only" has no side to go to.
 */
function afterthoughtPlace(part: string): string | undefined {
  const m = /^\s*(?:(?:just|only)\s+)?(?:(?:in|within)\s+)?([\w/]+)(?:\s+only)?\s*[.!]*\s*$/i.exec(part);
  if (!m || !/\b(?:just|only)\b/i.test(part)) return undefined;
  const names = namesOf(m[1]!);
  const tag = names[0]?.tag as { t: string; dim?: string } | undefined;
  return names.length === 1 && tag?.t === "val" && (tag.dim === "area" || tag.dim === "layer") ? m[1] : undefined;
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
  // ("meaning the BC also synapses back onto that same 23P cell with > 100 inputs": a claim's wildcard words
  // restrict nothing, as chatter's do not; the bound had been set aside with the claim.)
  const quiet = quietIn(ask, r);
  const claimed = claimsOf(part, r.claims, quiet);
  const claims = claimed.claims;
  let blank = longestFirst(claimed.blank, r.chatter, quiet);
  blank = longestFirst(blank, [r.connector], () => true);
  const empty = /^[\s,.;:!?()'"“”‘’—–-]*$/.test(blank) || (onlyFunctionWords(blank) && claims.length > 0);
  return { whole: blank !== part && empty, claims: blank !== part && empty ? claims : [] };
}

/**
 * A chatter match whose wildcard words restrict nothing ("for the V1 analysis" may restrict: not chatter). What the
 * asker will do later ("I'll do the PTC ones afterwards") may name cells the question leaves out, but no cue word.
 */
const quietIn = (ask: string, r: Remarks) => (m: RegExpMatchArray, re: RegExp) =>
  m
    .slice(1)
    .every((w) => w === undefined || !restriction(w, ask, { strict: !r.later.has(re), qualifiers: true }, discourse()));

/** The text with the matches of the patterns blanked out, the longest first where two overlap. */
function longestFirst(text: string, patterns: RegExp[], accept: (m: RegExpMatchArray, re: RegExp) => boolean): string {
  const found = patterns.flatMap((re) => [...text.matchAll(re)].filter((m) => m[0] && accept(m, re)));
  let blank = text;
  for (const m of found.sort((a, b) => b[0].length - a[0].length)) {
    const at = m.index!;
    if (blank.slice(at, at + m[0].length) !== m[0]) continue;
    blank = blank.slice(0, at) + " ".repeat(m[0].length) + blank.slice(at + m[0].length);
  }
  return blank;
}

/**
 * Chatter at the start or the end of a part that also asks ("Hmm, list the NGCs", "… many thanks"): the
 * longest phrase first, then again, and a "but" or "so" it leaves at the start ("Not urgent, but …").
 */
function edgeChatter(part: string, r: Remarks, ask: string): { rest: string; chatter: string[] } {
  let rest = part;
  const chatter: string[] = [];
  const quiet = quietIn(ask, r);
  for (let guard = 0; guard < 6; guard++) {
    const longest = (at: "start" | "end") => {
      let best: RegExpExecArray | undefined;
      for (const re of r.chatter) {
        // (A phrase first must end at a stop, a bracket or a "but": "sanity check on the ITCs: …" is no chatter.)
        const pattern =
          at === "end"
            ? `[\\s,]*(?:${re.source})[\\s,.!]*$`
            : `^[\\s,]*(?:${re.source})(?:\\s*[,.!:—–-]+\\s*|\\s+(?=(?:but|so)\\s|\\())`;
        const m = new RegExp(pattern, "i").exec(rest);
        // (Not the end of a phrase: "… onto 23P in the morning" is no "Morning!".)
        if (m && at === "end" && PHRASE_OPEN.test(rest.slice(0, m.index))) continue;
        if (m && m[0].trim() !== rest.trim() && quiet(m, re) && m[0].length > (best?.[0].length ?? 0)) best = m;
      }
      return best;
    };
    const end = longest("end");
    const start = end ? undefined : longest("start");
    const m = end ?? start;
    if (!m) break;
    chatter.push(trim(m[0]));
    rest = end ? rest.slice(0, m.index) + keepStop(m[0]) : rest.slice(m[0].length).replace(/^(?:but|so|and)\s+/i, "");
  }
  return { rest, chatter };
}

/** Words that leave a phrase open before what follows them. */
const PHRASE_OPEN =
  /\b(?:in|on|at|of|for|during|by|from|to|onto|into|with|the|a|an|this|that|these|those|every|each)\s*$/i;

/** A question mark the cut chatter ended with stays: "how many BCs, thanks?" → "how many BCs?". */
const keepStop = (cut: string) => (/\?\s*$/.test(cut) ? "?" : "");
const trim = (t: string) => t.replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, "");

/** Context that is all what the asker will do later ("feedback next wk", "I'll do the PTC ones afterwards"). */
export function saidForLater(text: string): boolean {
  return load().laterWhole.some((re) => re.test(text));
}

/** The claims a piece of text makes ("by soma depth.", set aside by the discourse step as background). */
export function claimsIn(text: string): Claim[] {
  // (A contrast says what is not asked: "not by synapse count" claims no synapse count; see not-counted.ts.)
  if (/^[\s,(]*not\b/i.test(text)) return [];
  // (Nor what the asker will do later: "feedback next wk" claims nothing of this question.)
  if (saidForLater(text)) return [];
  return claimsOf(text, load().claims).claims;
}
