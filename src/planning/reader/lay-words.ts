import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DATA_DIR } from "../../project-root.js";
import type { Prepared } from "./prepare.js";

const LayWordsFile = z.object({
  about: z.array(z.string()),
  words: z.array(
    z.object({ phrases: z.array(z.string().min(1)), means: z.string().min(1), before: z.string().min(1).optional() }),
  ),
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
let loaded: { phrase: RegExp; means: string }[] | undefined;

function load(): { phrase: RegExp; means: string }[] {
  const file = LayWordsFile.parse(JSON.parse(readFileSync(join(DATA_DIR, "lay-words.json"), "utf8")));
  // (Longest first, so that "recorded activity from" is read whole before "recorded activity".)
  return file.words.map((w) => {
    const phrases = [...w.phrases].sort((a, b) => b.length - a.length).map(escape);
    const before = w.before ? String.raw`(?=\s+(?:${w.before})\b)` : "";
    // (A phrase may open with a sign, after a space: "+ how many".)
    const start = String.raw`(?:\b(?=\w)|(?<=^|[\s(,;:])(?=[+#]))`;
    return { phrase: new RegExp(String.raw`${start}(?:${phrases.join("|")})(?![\w-])${before}`, "gi"), means: w.means };
  });
}

/** "whose axon was checked by hand", "cells they recorded activity from": the tables' words for them (data/lay-words.json). */
export function layWords(p: Prepared): Prepared {
  loaded ??= load();
  let text = p.text;
  for (const w of loaded) text = text.replace(w.phrase, w.means);
  return text === p.text ? p : { ...p, text };
}
