import { readFileSync } from "node:fs";
import { z } from "zod";
import Database from "better-sqlite3";
import * as sqliteVec from "sqlite-vec";
import { Embeddings } from "@langchain/core/embeddings";
import { HashedNgramEmbeddings } from "./embeddings.js";
import type { CellClass } from "../plan.js";

const Entry = z.object({
  value: z.string(),
  class: z.enum(["excitatory", "inhibitory", "nonneuron"]),
  label: z.string(),
  names: z.array(z.string()),
});
const VocabularyFile = z.object({
  about: z.string(),
  cellTypes: z.array(Entry),
  mtypes: z.array(Entry),
  classes: z.array(
    z.object({
      value: z.enum(["excitatory", "inhibitory", "neuron", "nonneuron"]),
      label: z.string(),
      names: z.array(z.string()),
    }),
  ),
  ambiguous: z.array(z.object({ names: z.array(z.string()), options: z.array(z.string()) })),
});
export type VocabularyFile = z.infer<typeof VocabularyFile>;

export type Term =
  | { kind: "cell_type"; value: string; label: string; cellClass: string }
  | { kind: "mtype"; value: string; label: string; cellClass: string }
  | { kind: "class"; value: CellClass; label: string }
  | { kind: "ambiguous"; options: string[] };

export interface Match {
  term: Term;
  /** The name in the vocabulary that matched. */
  name: string;
  /** 1 for an exact (normalized) match; cosine similarity for a fuzzy one. */
  score: number;
}

/** Lower case, punctuation and spacing folded, plural endings dropped: "L2/3 Pyramidal cells" → "l2 3 pyramidal". */
export function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .replace(/(\d)\s*\/\s*(\d)/g, "$1$2") // 2/3 → 23
    .replace(/[+]/g, " plus ")
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter(Boolean)
    .map(singular)
    .filter(
      (w, i, all) =>
        !(
          ["cell", "neuron", "type", "interneuron"].includes(w) &&
          all.length > 1 &&
          i === all.length - 1 &&
          w !== "interneuron"
        ),
    )
    .join(" ")
    .trim();
}

function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/**
 * The cell-type vocabulary, matched exactly (after normalization) or, for typos, by nearest
 * neighbour in a sqlite-vec index of name embeddings (in memory; built in a few milliseconds).
 */
export class Vocabulary {
  readonly file: VocabularyFile;
  private readonly exact = new Map<string, Term>();
  private readonly names: { name: string; term: Term }[] = [];
  private index?: { db: Database.Database; embed: (text: string) => Promise<number[]> };
  /** The longest vocabulary name, in words: how far phrase matching looks. */
  readonly maxWords: number;

  constructor(
    file: VocabularyFile,
    private readonly embeddings: Embeddings = new HashedNgramEmbeddings(),
  ) {
    this.file = file;
    const add = (name: string, term: Term) => {
      const key = normalizeName(name);
      if (!key) return;
      if (!this.exact.has(key)) this.exact.set(key, term);
      this.names.push({ name, term });
    };
    for (const e of file.cellTypes) {
      const term: Term = { kind: "cell_type", value: e.value, label: e.label, cellClass: e.class };
      add(e.value, term);
      add(e.label, term);
      for (const n of e.names) add(n, term);
    }
    for (const e of file.mtypes) {
      const term: Term = { kind: "mtype", value: e.value, label: e.label, cellClass: e.class };
      add(e.value, term);
      for (const n of e.names) add(n, term);
    }
    for (const e of file.classes) {
      const term: Term = { kind: "class", value: e.value, label: e.label };
      add(e.value, term);
      for (const n of e.names) add(n, term);
    }
    for (const a of file.ambiguous) for (const n of a.names) add(n, { kind: "ambiguous", options: a.options });
    this.maxWords = Math.max(...[...this.exact.keys()].map((k) => k.split(" ").length));
  }

  static load(path: string, embeddings?: Embeddings): Vocabulary {
    return new Vocabulary(VocabularyFile.parse(JSON.parse(readFileSync(path, "utf8"))), embeddings);
  }

  /** The term whose normalized name equals the phrase's, if any. */
  exactMatch(phrase: string): Term | undefined {
    return this.exact.get(normalizeName(phrase));
  }

  cellTypeLabel(value: string): string {
    return (
      this.file.cellTypes.find((e) => e.value === value)?.label ??
      this.file.mtypes.find((e) => e.value === value)?.label ??
      value
    );
  }

  classOf(cellType: string): string | undefined {
    return (
      this.file.cellTypes.find((e) => e.value === cellType)?.class ??
      this.file.mtypes.find((e) => e.value === cellType)?.class
    );
  }

  /** Nearest vocabulary names to a phrase (for typos), best first, one per term. */
  async nearest(phrase: string, k = 5): Promise<Match[]> {
    const index = await this.ensureIndex();
    const query = await index.embed(phrase);
    const rows = index.db
      .prepare("SELECT rowid, distance FROM vocab WHERE embedding MATCH ? AND k = ? ORDER BY distance")
      .all(new Float32Array(query), Math.min(this.names.length, k * 4)) as { rowid: number; distance: number }[];
    const seen = new Set<string>();
    const out: Match[] = [];
    for (const r of rows) {
      const entry = this.names[r.rowid - 1]!;
      const key = JSON.stringify(entry.term);
      if (seen.has(key)) continue;
      seen.add(key);
      // L2 distance between unit vectors → cosine similarity.
      out.push({ term: entry.term, name: entry.name, score: 1 - (r.distance * r.distance) / 2 });
      if (out.length >= k) break;
    }
    return out;
  }

  private async ensureIndex() {
    if (this.index) return this.index;
    const db = new Database(":memory:");
    sqliteVec.load(db);
    const vectors = await this.embeddings.embedDocuments(this.names.map((n) => n.name));
    const dims = vectors[0]?.length ?? 0;
    db.exec(`CREATE VIRTUAL TABLE vocab USING vec0(embedding float[${dims}])`);
    const insert = db.prepare("INSERT INTO vocab (rowid, embedding) VALUES (?, ?)");
    db.transaction(() => vectors.forEach((v, i) => insert.run(BigInt(i + 1), new Float32Array(v))))();
    this.index = { db, embed: (text) => this.embeddings.embedQuery(text) };
    return this.index;
  }
}
