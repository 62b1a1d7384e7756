import { asks, opensQuestion, personal, statesFact, statesHypothesis, statesTopic } from "./ask-shape.js";
import { anaphora, carryId, pointer } from "./carry.js";
import { citationSpans, type Span } from "./citations.js";
import { askPieces, type Piece } from "./clauses.js";
import { discourse as load, type Discourse } from "./discourse-data.js";
import type { Prepared, PrepareStep } from "./prepare.js";
import { restriction } from "./restriction.js";
import { splitSentences } from "./sentences.js";
import { itemsOf, namesOf, onlyFunctionWords } from "./words.js";

/**
 * The discourse step: real questions come wrapped in greetings, apologies, citations, a purpose
 * and sentences of background. This step finds the part that asks and sets the rest aside as
 * context, so the reader reads only the ask, but never a part that could restrict the question
 * (see restriction.ts): such a part stays, and the reader asks back about what it cannot read.
 */
export const discourseStep: PrepareStep = (p: Prepared): Prepared => {
  const d = load();
  const sentences = splitSentences(p.text, d.abbreviations).map((s) => readSentence(s, d));
  // ("My PI wants to know which types …" and no other sentence that asks: the request reported is the ask.)
  if (!sentences.some((s) => s.asks)) {
    for (const s of sentences.filter((x) => x.reported)) Object.assign(s, { asks: true, pieces: s.reported });
  }
  // Without a sentence that asks there is nothing to set background aside for.
  if (!sentences.some((s) => s.asks)) {
    for (const s of sentences) for (const x of s.pieces) if (x.kind === "background") x.kind = "ask";
  }
  const askText = () => sentences.map((s) => textOf(s)).join(" ");
  const setAside = () => sentences.flatMap((s) => s.pieces.filter(movable).map((x) => s.text.slice(x.start, x.end)));
  // An id the ask points back to counts as named in it, for the checks.
  const pointing = anaphora(askText(), setAside(), d);
  const askForChecks = pointing.kind === "carry" ? carryId(askText(), pointing.id, d) : askText();
  for (const s of sentences) {
    for (const x of s.pieces.filter(movable)) {
      // ("MCs that are in L5: how many?": a label with a relative clause, before a colon or a dash, names
      // what is asked; it states no fact.)
      // ("MCs targeting 4P cells: how many neurons?": a participle does the same.)
      // ("BC as sources, 23P as targets: how many synapses?": so does a side said with "as"; it had been set aside.)
      const led = /[:—–-]\s*$/.test(s.text);
      const label = led && /\b(that|which|who|as|\w{3,}ing|\w+ed by)\b/i.test(s.text);
      // ("target 5P-IT and source 23P: how many connections?": any other label names what is asked too, unless it
      // is the asker's; it had been taken for a statement of fact and set aside.)
      const named = led && !personal(s.text, d) && namesCells(s.text);
      const describes = statesFact(s.text, d) || s.hypothesis;
      // (A claim reported before the ask is held to what it says alone: "The paper says ET cells have the largest
      // nuclei; what is …".)
      const strict = x.claim
        ? !statesFact(s.text.slice(x.start, x.end), d)
        : x.kind !== "background" || !describes || label;
      // Of an apology or a request only the words its wildcard took can restrict ("sorry to ask about L5 again, but").
      const part = x.kind === "polite" ? (x.loose ?? []).join(" ") : s.text.slice(x.start, x.end);
      // ("I'm looking at the L5 cells …. How many BCs are there?": the cells looked at may be the ones asked of.)
      // (Not when it names one root: "I'm looking at basket cell 8646…" says what that cell is.)
      const topic = s.hypothesis && !/\d{15,20}/.test(s.text) && statesTopic(s.text, d);
      // ("My PI asked which types in V1 …. Rank the types by …": a question reported names what is asked too.)
      const reports =
        s.hypothesis && d.askerFirst.test(s.text) && /\b(?:whether|which|what|how|where|why|who)\b/i.test(s.text);
      const how = { strict, qualifiers: x.kind !== "trailer", names: Boolean(x.claim) || topic || named || reports };
      if (restriction(part, askForChecks, how, d, x.loose)) x.kind = "ask";
      // ("postsynaptic partners: which SST cells?": a label may name what is counted, which the ask then lacks.)
      if (led && !personal(s.text, d) && quantityNotAsked(part, askForChecks)) x.kind = "ask";
    }
  }
  if (setAside().length) {
    const after = anaphora(askText(), setAside(), d);
    if (after.kind === "unresolved") {
      for (const s of sentences) for (const x of s.pieces.filter(movable)) x.kind = "ask";
    }
    if (after.kind === "carry") {
      const s = sentences.find((x) => pointer(textOf(x), d));
      if (s) s.carried = carryId(textOf(s), after.id, d);
    }
  }
  const text = tidy(sentences.map((s) => textOf(s)).join(" "));
  if (!/[A-Za-z0-9]/.test(text)) return p;
  return { text, context: [...p.context, ...sentences.flatMap(contextOf)] };
};

interface Sentence {
  /** The sentence as typed. */
  typed: string;
  /** The sentence without its citations (which are context already). */
  text: string;
  citations: string[];
  asks: boolean;
  pieces: Piece[];
  /** The ask after a pronoun was replaced by the id it stands for. */
  carried?: string;
  /** What the asker expects or why they ask, set aside beside a sentence that asks ("I'm guessing …"). */
  hypothesis?: boolean;
  /** Someone else's question reported ("Reviewer 2 asked us how many …"): its pieces, if no other sentence asks. */
  reported?: Piece[];
}

/** Pieces set aside only if they pass the checks (greetings and fixed phrases of politeness pass always). */
const movable = (p: Piece) =>
  p.kind === "lead" || p.kind === "trailer" || p.kind === "background" || (p.kind === "polite" && !!p.loose?.length);

function readSentence(typed: string, d: Discourse): Sentence {
  const spans = citationSpans(typed);
  const text = without(typed, spans);
  const citations = spans.map((x) => typed.slice(x.start, x.end).replace(/^[\s,]+|[\s,:–—-]+$/g, ""));
  // ("I'm curious whether V1 has more": a hypothesis that asks nothing the question does not.)
  // (Not one that asks too: "We are writing a grant on inhibition and it would help to know how many …".)
  // (An opener that is itself polite, "I'd like to see whether …", is the hypothesis's own.)
  const polite = new RegExp(d.politeness.source, "i").exec(text);
  const asksToo = (polite?.index ?? 0) > 0;
  const hypothesis = !text.includes("?") && statesHypothesis(text, d) && !asksToo;
  // (A polite opener that leads in to a question word reports a question: "Reviewer 2 asked us to report how many
  // MCs …". It is the ask when no other sentence asks.)
  const reported = hypothesis && !!polite && opensQuestion(text.slice(polite.index + polite[0].length), d);
  if (hypothesis)
    return {
      typed,
      text,
      citations,
      asks: false,
      hypothesis,
      pieces: [{ start: 0, end: text.length, kind: "background" }],
      ...(reported ? { reported: askPieces(text, d) } : {}),
    };
  if (asks(text, d)) return { typed, text, citations, asks: true, pieces: askPieces(text, d) };
  // A sentence of function words only ("Hi!", "Thanks!") the reader skips by itself.
  const kind = onlyFunctionWords(text) ? "ask" : "background";
  return { typed, text, citations, asks: false, pieces: [{ start: 0, end: text.length, kind }] };
}

function without(text: string, spans: Span[]): string {
  let out = text;
  for (const s of [...spans].reverse()) out = out.slice(0, s.start) + " ".repeat(s.end - s.start) + out.slice(s.end);
  return out
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:?!])/g, "$1")
    .trim();
}

/** What the sentence still asks: its pieces not set aside, with a carried id in place. */
function textOf(s: Sentence): string {
  return (
    s.carried ??
    s.pieces
      .filter((x) => x.kind === "ask")
      .map((x) => s.text.slice(x.start, x.end))
      .join(" ")
  );
}

/** The context of a sentence in the words typed: the whole sentence when all of it is context. */
function contextOf(s: Sentence): string[] {
  // (A label cut at its colon is said without it: "Quick question".)
  if (s.pieces.every((x) => x.kind !== "ask")) return [trimEdges(s.typed)];
  const out = [...s.citations];
  let run: Piece[] = [];
  const flush = () => {
    if (run.length) out.push(trimEdges(s.text.slice(run[0]!.start, run[run.length - 1]!.end)));
    run = [];
  };
  for (const x of s.pieces) {
    if (x.kind === "ask") flush();
    else run.push(x);
  }
  flush();
  // In the order typed (citations were taken out first).
  const at = (c: string) => s.typed.indexOf(c);
  return out.filter((c) => c.length > 0).sort((a, b) => at(a) - at(b));
}

/** Punctuation at either end, and the "so"/"and" that joined a lead to its ask. */
const trimEdges = (t: string) => {
  const edges = (x: string) => x.replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, "");
  return edges(edges(t).replace(/\s+(?:and|so)$/i, ""));
};

/** Spaces before punctuation and doubled punctuation left where parts were taken out. */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:?!])/g, "$1")
    .replace(/^[\s,;:–—-]+/, "")
    .replace(/,\s*([?.!])/g, "$1")
    .trim();
}

/** Names of cells: a type, class, m-type, area, layer or id ("Interareal", a proofreading strategy, is none). */
const CELL_DIMS = new Set(["cell_type", "class", "mtype", "area", "layer"]);
const namesCells = (text: string) =>
  namesOf(text).some((n) => n.tag.t === "id" || (n.tag.t === "val" && CELL_DIMS.has(String(n.tag.dim))));

/** Tags of what is counted or measured ("partners", "input synapses", "mean", "size"); not nouns of cells. */
const QUANTITY_TAGS = new Set(["noun", "qty", "stat"]);
const CELL_NOUNS = new Set(["cell", "neuron", "root", "nucleus", "fragment", "type", "area", "layer"]);
const quantity = (g: { t: string; n?: unknown }) => QUANTITY_TAGS.has(g.t) && !CELL_NOUNS.has(String(g.n));
const quantities = (text: string) =>
  new Set(itemsOf(text).flatMap((i) => i.tags.filter(quantity).map((g) => JSON.stringify(g))));
// (Only for an ask that measures nothing of its own: "Connections from BC to 23P: how many synapses?" labels its
// topic.)
const quantityNotAsked = (part: string, ask: string) => quantities(part).size > 0 && quantities(ask).size === 0;
