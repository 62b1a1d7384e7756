import { describe, expect, it } from "vitest";
import { DEFAULT_VOCABULARY } from "../src/answers/chat.js";
import { Lexicon } from "../src/planning/reader/lexicon.js";
import { discourse, phraseSource } from "../src/planning/reader/discourse-data.js";
import { prepare } from "../src/planning/reader/prepare.js";
import { OfflineReader } from "../src/planning/reader/reader.js";
import { splitSentences } from "../src/planning/reader/sentences.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";
import { RESTRICTIONS, WORDINGS } from "./support/discourse-wordings.js";

/**
 * The discourse step: what of a question is read, what is set aside as context, and that nothing
 * that could restrict the question is ever set aside.
 */
const R = "864691135051986780";
const norm = (t: string) =>
  t
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s?.!]+$/, "")
    .trim();

describe("sentence splitting", () => {
  const split = (t: string) => splitSentences(t, discourse().abbreviations);

  it("splits at full stops, question and exclamation marks", () => {
    expect(split("Hi! I'm new here. How many BCs are there?")).toEqual([
      "Hi!",
      "I'm new here.",
      "How many BCs are there?",
    ]);
    expect(split("How many BCs? And MCs?")).toEqual(["How many BCs?", "And MCs?"]);
  });

  it("does not split after et al., Fig., e.g., vs. or inside brackets", () => {
    expect(split("Kim et al. (2015) show this in Fig. 3b. How many?")).toEqual([
      "Kim et al. (2015) show this in Fig. 3b.",
      "How many?",
    ]);
    expect(split("Types (e.g. BCs vs. MCs) differ. Which is larger?")).toEqual([
      "Types (e.g. BCs vs. MCs) differ.",
      "Which is larger?",
    ]);
    expect(split("Cells (see Fig. 2. Right) are odd. Why?")).toEqual(["Cells (see Fig. 2. Right) are odd.", "Why?"]);
  });

  it("keeps decimals, ids and L2/3 whole", () => {
    expect(split(`Sizes are 0.5 vs. 0.7 in L2/3. What type is ${R}?`)).toEqual([
      "Sizes are 0.5 vs. 0.7 in L2/3.",
      `What type is ${R}?`,
    ]);
    expect(split("A gOSI above 0.4. Then 1.5e3 synapses.")).toEqual(["A gOSI above 0.4.", "Then 1.5e3 synapses."]);
  });

  it("splits at line breaks", () => {
    expect(split("Thanks so much for this tool\nHow many BCs are there?")).toEqual([
      "Thanks so much for this tool",
      "How many BCs are there?",
    ]);
  });
});

describe("the phrase syntax of data/discourse.json", () => {
  const matches = (phrase: string, text: string) => new RegExp(`^${phraseSource(phrase)}$`, "i").test(text);

  it("reads alternatives, optional words, wildcards, stems and punctuation", () => {
    expect(matches("sorry|apologies [in_advance] , but", "Apologies in advance, but")).toBe(true);
    expect(matches("sorry|apologies [in_advance] , but", "sorry , but")).toBe(true);
    expect(matches("sorry if * , but", "Sorry if this is basic, but")).toBe(true);
    expect(matches("restrict~", "restricting")).toBe(true);
    expect(matches("I'd like to know", "I’d like to know")).toBe(true);
    expect(matches("hi team", "hi teams")).toBe(false);
  });

  it("holds no phrase made only of the lexicon's function words (the reader skips those itself)", () => {
    const lexicon = Lexicon.load();
    const file = discourse().file;
    for (const phrase of [...file.greetings, ...file.politeness]) {
      for (const variant of expand(phrase)) {
        const words = variant
          .toLowerCase()
          .split(/\s+/)
          .filter((w) => /[a-z]/.test(w));
        expect(
          words.every((w) => lexicon.functionWords.has(w)),
          `${phrase}: "${variant}"`,
        ).toBe(false);
      }
    }
  });
});

/** Every wording a phrase stands for (a wildcard as the word "something"). */
function expand(phrase: string): string[] {
  let out = [""];
  for (const slot of phrase.split(/\s+/)) {
    const optional = /^\[.*\]$/.test(slot);
    const body = optional ? slot.slice(1, -1) : slot;
    const alts = body.split("|").map((a) => (a === "*" ? "something" : a.replace(/_/g, " ")));
    out = out.flatMap((o) => [...alts.map((a) => `${o} ${a}`), ...(optional ? [o] : [])]);
  }
  return out.map((o) => o.trim());
}

describe("prepare(): the ask and its context", () => {
  for (const w of WORDINGS) {
    it(`${w.why}: ${w.q}`, () => {
      const p = prepare(w.q);
      if (w.ask !== undefined) expect(norm(p.text)).toBe(norm(w.ask));
      for (const k of w.keep ?? []) expect(p.text).toContain(k);
      if (w.context !== undefined) expect(p.context).toEqual(w.context);
      if (w.ask === w.q) expect(p.context).toEqual([]);
    });
  }
});

describe("prepare(): a restriction is never set aside", () => {
  it("holds at least 30 pairs of a restricting context and an ask", () => {
    expect(RESTRICTIONS.length).toBeGreaterThanOrEqual(30);
  });
  for (const r of RESTRICTIONS) {
    it(r.q, () => {
      const p = prepare(r.q);
      for (const k of r.keep) expect(p.text).toContain(k);
      expect(p.context.join(" ")).not.toContain(r.keep[0]);
    });
  }
});

describe("the discourse step through the reader", () => {
  const reader = new OfflineReader(Vocabulary.load(DEFAULT_VOCABULARY));

  it("answers the ask of a chatty question as it answers the ask alone, and says what it set aside", async () => {
    const pairs: [string, string][] = [
      [
        "Hi! I'm new to the MICrONS data. How many Martinotti cells are in the dataset?",
        "How many Martinotti cells are in the dataset?",
      ],
      [`Sorry if this is basic, but what kind of cell is ${R}?`, `What kind of cell is ${R}?`],
      [
        "Near-projecting (NP) neurons are a rare layer 5 population (Kim et al., 2015). " +
          "How many 5P-NP cells are annotated in this dataset?",
        "How many 5P-NP cells are annotated in this dataset?",
      ],
      [`In Fig. 3b we show the neuron ${R}. What is its cell type?`, `What is the cell type of ${R}?`],
      [
        "For a stimulus-specific analysis, how many coregistered neurons are there?",
        "How many coregistered neurons are there?",
      ],
    ];
    for (const [chatty, plain] of pairs) {
      const a = await reader.plan(chatty);
      const b = await reader.plan(plain);
      expect(a.type, chatty).toBe("plan");
      expect(b.type, plain).toBe("plan");
      if (a.type === "plan" && b.type === "plan") expect(a.plan).toEqual(b.plan);
      expect(a.type !== "refuse" && a.reading?.context?.length, chatty).toBeTruthy();
    }
  });

  it("does not answer a question whose context restricts it as if the restriction were absent", async () => {
    for (const q of [
      "We're only interested in well-innervated cells for this analysis. " +
        "How many 23P cells receive more than 80 input synapses?",
      "I only care about the left hemisphere. How many BCs are there?",
      "We exclude every cell in layer 1. How many NGCs are there?",
      "For a project on L5 cells, how many BCs are there?",
    ]) {
      const result = await reader.plan(q);
      expect(result.type, q).not.toBe("plan");
    }
  });
});
