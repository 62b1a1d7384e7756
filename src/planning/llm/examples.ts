import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import Database from "better-sqlite3";
import * as sqliteVec from "sqlite-vec";
import { PROJECT_ROOT } from "../../project-root.js";
import { QueryPlan } from "../plan.js";
import { HashedNgramEmbeddings } from "../vocabulary/embeddings.js";

export const PROMPTS_DIR = join(PROJECT_ROOT, "prompts");
export const EXAMPLES_FILE = join(PROMPTS_DIR, "examples.jsonl");

/** How a name in the question was read: the vocabulary values it stands for. */
export const NameReading = z.object({ text: z.string().min(1), values: z.array(z.string().min(1)).min(1) }).strict();

/** One solved example: a question and the reply it should get (its plan, and how names were read). */
export const Example = z
  .object({
    question: z.string().min(1),
    plan: QueryPlan,
    names: z.array(NameReading).optional(),
  })
  .strict();
export type Example = z.infer<typeof Example>;

/** Reads examples.jsonl; a bad line is an error naming its line (the file is part of the program). */
export function loadExamples(path = EXAMPLES_FILE): Example[] {
  const out: Example[] = [];
  readFileSync(path, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (!line.trim() || line.trim().startsWith("//")) return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new Error(`${path}:${i + 1}: not JSON (${(error as Error).message})`);
      }
      const parsed = Example.safeParse(json);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ");
        throw new Error(`${path}:${i + 1}: not a valid example: ${issues}`);
      }
      out.push(parsed.data);
    });
  return out;
}

/**
 * The examples in a sqlite-vec index (in memory) of their questions' embeddings: the k nearest to
 * a question go into the prompt. The embeddings are the local hashed n-grams the vocabulary uses,
 * so retrieving examples sends nothing anywhere.
 */
export class ExampleIndex {
  private index?: Promise<{ db: Database.Database; embeddings: HashedNgramEmbeddings }>;

  constructor(readonly examples: Example[]) {}

  /** The k examples most similar to the question, most similar first. */
  async nearest(question: string, k: number): Promise<Example[]> {
    if (k <= 0 || !this.examples.length) return [];
    const { db, embeddings } = await this.ensureIndex();
    const query = await embeddings.embedQuery(question);
    const rows = db
      .prepare("SELECT rowid, distance FROM examples WHERE embedding MATCH ? AND k = ? ORDER BY distance")
      .all(new Float32Array(query), Math.min(k, this.examples.length)) as { rowid: number; distance: number }[];
    return rows.map((r) => this.examples[r.rowid - 1]!);
  }

  /** Built on first use, once (concurrent questions share the one build). */
  private ensureIndex(): Promise<{ db: Database.Database; embeddings: HashedNgramEmbeddings }> {
    this.index ??= this.build();
    return this.index;
  }

  private async build() {
    const embeddings = new HashedNgramEmbeddings();
    const vectors = await embeddings.embedDocuments(this.examples.map((e) => e.question));
    const db = new Database(":memory:");
    sqliteVec.load(db);
    const dimensions = embeddings.dimensions;
    db.exec(`CREATE VIRTUAL TABLE examples USING vec0(embedding float[${dimensions}] distance_metric=cosine)`);
    const insert = db.prepare("INSERT INTO examples (rowid, embedding) VALUES (?, ?)");
    db.transaction(() => vectors.forEach((v, i) => insert.run(BigInt(i + 1), new Float32Array(v))))();
    return { db, embeddings };
  }
}
