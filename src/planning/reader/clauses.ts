import { functionLead, opensAsk, opensQuestion, personal } from "./ask-shape.js";
import type { Discourse } from "./discourse-data.js";

/**
 * The parts of one asking sentence: what leads in to the ask (a greeting, "sorry if this is basic,
 * but", "for a noise model", "I'm sorting cells by area and I'm not sure where X belongs:"), the
 * ask, and what trails it (", so I can see whether …"). Pieces cover the sentence in order.
 */
export type Kind = "ask" | "polite" | "lead" | "trailer" | "background";

export interface Piece {
  start: number;
  end: number;
  kind: Kind;
  /** Words a phrase's wildcard took, to check for restriction cues. */
  loose?: string[];
  /** A claim reported before the ask ("The paper says …;"): it describes, and is checked as a statement of fact. */
  claim?: boolean;
}

interface Lead {
  length: number;
  kind: "polite" | "lead" | "background";
  claim?: boolean;
  loose?: string[];
  /** The lead ends in "to know", "to see": what follows is the ask, whatever its first word. */
  request?: boolean;
}

export function askPieces(s: string, d: Discourse): Piece[] {
  const pieces: Piece[] = [];
  let pos = 0;
  let request = false;
  for (let guard = 0; guard < 8 && pos < s.length; guard++) {
    const lead = leadAt(s.slice(pos), d, { spoken: s.slice(0, pos), request });
    if (!lead) break;
    pieces.push({
      start: pos,
      end: pos + lead.length,
      kind: lead.kind,
      ...(lead.loose ? { loose: lead.loose } : {}),
      ...(lead.claim ? { claim: true } : {}),
    });
    pos += lead.length;
    request = Boolean(lead.request);
  }
  // A lead is context only when an ask follows it; otherwise it stays part of the question.
  if (!request && !opensAsk(s.slice(pos), d)) for (const p of pieces) if (p.kind === "lead") p.kind = "ask";
  const trailer = trailerIn(s.slice(pos), d);
  if (trailer) {
    pieces.push({ start: pos, end: pos + trailer.start, kind: "ask" });
    pieces.push({ start: pos + trailer.start, end: pos + trailer.end, kind: "trailer" });
    pieces.push({ start: pos + trailer.end, end: s.length, kind: "ask" });
  } else pieces.push({ start: pos, end: s.length, kind: "ask" });
  return pieces.filter((p) => p.end > p.start);
}

const anchored = (source: string, flags = "i") => new RegExp(`^[\\s,;–—-]*(?:${source})`, flags);
const captures = (m: RegExpExecArray) => m.slice(1).filter((c): c is string => c !== undefined);
const KNOW =
  /(know|see|learn|(?:find|figure|work)\sout|understand|check|get|have|ask|look\s(?:at|up))\s*[,:;–—-]?\s*$/i;

/** What came before in the sentence: its words, and whether they ended in "I'd like to know". */
interface Before {
  spoken: string;
  request: boolean;
}

function leadAt(rest: string, d: Discourse, before: Before): Lead | undefined {
  const greeting = anchored(`(?:${d.greeting.source})\\s*(?:[,!.:;–—-]+\\s*|$)`).exec(rest);
  if (greeting) return { length: greeting[0].length, kind: "polite" };
  // ("Hi, my PI wants to know …": a greeting of function words only, before a polite lead it would hide.)
  const hi = functionLead(rest);
  if (hi && !before.spoken.trim() && anchored(d.politeness.source).test(rest.slice(hi)))
    return { length: hi, kind: "polite" };
  const polite = anchored(`(?:${d.politeness.source})\\s*[,:;–—-]?\\s*`).exec(rest);
  if (polite) {
    return { length: polite[0].length, kind: "polite", loose: captures(polite), request: KNOW.test(polite[0]) };
  }
  const purpose = purposeLead(rest, d);
  if (purpose) return { length: purpose, kind: "lead" };
  // "To define a data-driven cutoff, …": an infinitive of purpose, up to its comma or colon.
  const infinitive = /^[\s,;–—-]*[Tt]o\s+[a-z]+\b[^,:;?()]{0,150}?[,:]\s*/.exec(rest);
  if (infinitive && opensAsk(rest.slice(infinitive[0].length), d)) {
    return { length: infinitive[0].length, kind: "lead" };
  }
  // ("The paper claims MCs make bigger synapses onto 23P than BCs do; what are the mean sizes …": a claim read.)
  const claim = CLAIM_LEAD.exec(rest);
  if (claim && opensAsk(rest.slice(claim[0].length), d))
    return { length: claim[0].length, kind: "background", claim: true };
  return personalLead(rest, d, before);
}

/** A source and a verb of saying, up to a semicolon, a colon or a dash: "The cell-type paper says …;". */
const CLAIM_LEAD = new RegExp(
  String.raw`^[\s,;–—-]*(?:(?:the|a|an|their|this|that|one|in\s+the)\s+)?(?:[\w-]+\s+){0,3}?` +
    String.raw`(?:paper|preprint|study|authors?|reviewers?|literature|textbook|review|they|people|it)\b[^;:?]{0,240}?` +
    String.raw`\b(?:says?|said|claims?|claimed|reports?|reported|argues?|argued|shows?|showed|shown|finds?|found|` +
    String.raw`suggests?|suggested|quotes?|quoted|calls?|states?|stated|notes?|noted|highlights?|compares?|maps?|` +
    String.raw`pools?|describes?|mentions?)\b[^;:?]*?\s*[;:—–]\s*`,
  "i",
);

/** "For a stimulus-specific analysis,", "for a comparison (I'd like …)", "As a sanity check,". */
function purposeLead(rest: string, d: Discourse): number | undefined {
  const re = anchored(
    "(?:for|in|as|as\\s+part\\s+of)\\s+(?:a|an|my|our|the|this|that|some)\\s+" +
      `(?:[^\\s,.;:!?()]+\\s+){0,5}?` +
      `${d.purposeNoun}(?:\\s+(?:I'm|I\\s+am|we're|we\\s+are)\\s+(?:working\\s+on|writing|preparing|doing|planning))?` +
      `(?:\\s*[,:;–—-]\\s*|\\s+(?=(?:I|we)\\b)|\\s+(?=${d.request.source}))`,
  );
  return re.exec(rest)?.[0].length;
}

/**
 * The asker's own lead-in, up to where the ask starts: a colon, ", so", "and"/"so" before "I'd like
 * to know", or a comma or a dash before a question word. It must speak of the asker ("I", "we", "our") and
 * must not itself open like a question ("Could you tell me, for my cells, how many …" stays whole),
 * unless it is what the asker wants to know ("I need to know how spread out the sizes are: what …").
 */
function personalLead(rest: string, d: Discourse, said: Before): Lead | undefined {
  if (opensQuestion(rest, d) && !said.request) return undefined;
  const colon = /(?<!\d):(?!\d)\s*/g;
  const splits = said.request
    ? [colon]
    : [
        colon,
        /,\s*so\b\s*:?\s*/gi,
        new RegExp(`(?:,?\\s+(?:and|so)|,)\\s+(?=${d.politeness.source})`, "gi"),
        /,\s*(?=(?:how|what|which|where|who|when|why)\b)/gi,
        /\s+(?:—|–|--?)\s+(?=(?:how|what|which|where|who|when|why|could|can|would|please)\b)/gi,
      ];
  let best: RegExpExecArray | undefined;
  for (const re of splits) {
    for (const m of rest.matchAll(re)) {
      const before = rest.slice(0, m.index);
      const speaker = said.request ? said.spoken + before : before;
      if (before.includes("?") || depth(before) > 0 || !personal(speaker, d)) continue;
      if (!best || m.index! < best.index!) best = m as RegExpExecArray;
      break;
    }
  }
  return best ? { length: best.index! + best[0].length, kind: "lead" } : undefined;
}

/** How many brackets are open at the end of the text. */
function depth(text: string): number {
  return [...text].reduce((n, c) => n + (c === "(" ? 1 : c === ")" ? -1 : 0), 0);
}

/** A trailing purpose (", so I can see whether …", ", to get a sense of …") that runs to the sentence's end. */
function trailerIn(ask: string, d: Discourse): { start: number; end: number } | undefined {
  let best: { start: number; end: number } | undefined;
  for (const t of d.trailers) {
    const m = new RegExp(`(?:${t.source})[^?!]*?(?=[\\s?!.]*$)`, "i").exec(ask);
    if (!m || (best && best.start <= m.index)) continue;
    // The ask before it must still say something.
    if (ask.slice(0, m.index).trim().split(/\s+/).length < 3) continue;
    best = { start: m.index, end: m.index + m[0].length };
  }
  return best;
}
