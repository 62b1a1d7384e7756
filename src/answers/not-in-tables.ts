import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DATA_DIR } from "../project-root.js";

/**
 * What the tables do not hold (calcium traces, stimuli, running speed …) is said plainly, with
 * where that data lives, instead of "I did not understand" or "outside the connectome": these are
 * real parts of the MICrONS dataset, just not of this store. The phrases and sentences are data
 * (data/not-in-tables.json) so that they can be corrected without reading TypeScript.
 */
/** Long sentences are written as a list of pieces (lines of the file), joined as written. */
const Text = z
  .array(z.string())
  .min(1)
  .transform((parts) => parts.join(""));
const NotInTablesFile = z
  .object({
    about: Text.optional(),
    ambiguous: z
      .object({ about: Text.optional(), phrases: z.array(z.string().min(1)), context: z.array(z.string().min(1)) })
      .strict(),
    topics: z
      .array(
        z
          .object({
            topic: z.string().min(1),
            phrases: z.array(z.string().min(1)).min(1),
            text: Text,
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type NotInTables = z.output<typeof NotInTablesFile>;

export const NOT_IN_TABLES_FILE = join(DATA_DIR, "not-in-tables.json");

let cached: NotInTables | undefined;

export function loadNotInTables(path = NOT_IN_TABLES_FILE): NotInTables {
  if (path === NOT_IN_TABLES_FILE && cached) return cached;
  const parsed = NotInTablesFile.parse(JSON.parse(readFileSync(path, "utf8")));
  if (path === NOT_IN_TABLES_FILE) cached = parsed;
  return parsed;
}

const words = (text: string) => text.toLowerCase().match(/[a-z0-9/]+(?:-[a-z0-9]+)*/g) ?? [];

/** Whether `phrase` occurs in `text` as whole words ("running" is not in "pruning"). */
function contains(text: string[], phrase: string[]): boolean {
  for (let i = 0; i + phrase.length <= text.length; i++) {
    if (phrase.every((w, k) => text[i + k] === w)) return true;
  }
  return false;
}

/**
 * The plain sentence for a question about data the store does not hold, or undefined. With
 * `unplaced` (the words the reader could not place), a phrase counts only if it shares a word
 * with them: a question the reader half-read because of "calcium traces" is about the traces,
 * while "stimulus" in a question asked back over another word is not the reason for asking back.
 * The longest matching phrase decides, so "spike trains" wins over "trains" of another topic.
 */
export function notInTablesMessage(
  question: string,
  unplaced?: string[],
  data: NotInTables = loadNotInTables(),
): string | undefined {
  const text = words(question);
  const loose = unplaced ? new Set(unplaced.flatMap(words)) : undefined;
  // A refused question has no reading: a phrase with other meanings ("a movie") needs the dataset beside it.
  const ambiguous = new Set(data.ambiguous.phrases.map((p) => words(p).join(" ")));
  const inContext = data.ambiguous.context.some((c) => contains(text, words(c)));
  let best: { length: number; text: string } | undefined;
  for (const topic of data.topics) {
    for (const phrase of topic.phrases) {
      const p = words(phrase);
      if (!p.length || !contains(text, p)) continue;
      if (loose && !p.some((w) => loose.has(w))) continue;
      if (!loose && ambiguous.has(p.join(" ")) && !inContext) continue;
      if (!best || p.length > best.length) best = { length: p.length, text: topic.text };
    }
  }
  return best?.text;
}
