import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DATA_DIR } from "../../../project-root.js";

/** A column people name in pseudo-SQL, and the reader's words for it (see data/pseudo-sql.json). */
const Column = z
  .object({
    names: z.array(z.string()),
    dim: z.string(),
    /** category: a value of a name; id: a root or nucleus id; number: a measured quantity; count: a number of
     * synapses; angle: an angle in the column's unit; flag: yes ('t') or no. */
    kind: z.enum(["category", "id", "number", "count", "angle", "flag"]),
    words: z.string(),
    /** How a value reads ("in {v}", "with m-type {v}"); a bare value when left out. */
    value: z.string().optional(),
    values: z.record(z.string(), z.string()).optional(),
    /** Grouped by on both sides at once (pre.cell_type, post.cell_type): the reader's words for the matrix. */
    matrix: z.string().optional(),
    groupWords: z.string().optional(),
    /** Grouped by, it reads only with a top k ("per postsynaptic root top 5"; without, the reader misreads it). */
    groupNeedsTop: z.boolean().optional(),
    /** Rows this quantity belongs to (a synapse's size, a connection's synapse count), not cells. */
    row: z.enum(["synapses", "connections"]).optional(),
    thresholdWords: z.string().optional(),
    unit: z.string().optional(),
  })
  .strict();
export type Column = z.infer<typeof Column>;

const File = z
  .object({
    about: z.string(),
    aggregates: z.record(z.string(), z.string()),
    statWords: z.record(z.string(), z.string()),
    tables: z.record(z.string(), z.string()),
    columns: z.array(Column),
    sides: z.object({ pre: z.array(z.string()), post: z.array(z.string()) }),
    conventions: z.array(z.object({ phrases: z.array(z.string()), note: z.string() })),
  })
  .strict();

export const PSEUDO_SQL_FILE = join(DATA_DIR, "pseudo-sql.json");

/** Names compare without case, with '_' and spaces alike ("cell_type" is "cell type"). */
export const nameKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/[_\s]+/g, " ")
    .trim();

export type Side = "pre" | "post";

/** What pseudo-SQL names mean to the reader. */
export class SqlVocab {
  readonly aggregates = new Map<string, string>();
  readonly statWords: Record<string, string>;
  readonly tables = new Map<string, string>();
  readonly columns = new Map<string, Column>();
  readonly sides = new Map<string, Side>();
  readonly conventions: { phrases: string[]; note: string }[];
  /** The most words a table or column name has. */
  readonly maxWords: number;

  constructor(file: z.infer<typeof File>) {
    for (const [k, v] of Object.entries(file.aggregates)) this.aggregates.set(nameKey(k), v);
    for (const [k, v] of Object.entries(file.tables)) this.tables.set(nameKey(k), v);
    for (const c of file.columns) for (const n of c.names) this.columns.set(nameKey(n), c);
    for (const side of ["pre", "post"] as const) for (const n of file.sides[side]) this.sides.set(nameKey(n), side);
    this.statWords = file.statWords;
    this.conventions = file.conventions;
    const keys = [...this.tables.keys(), ...this.columns.keys()];
    this.maxWords = Math.max(...keys.map((k) => k.split(" ").length));
  }

  static load(path: string = PSEUDO_SQL_FILE): SqlVocab {
    return new SqlVocab(File.parse(JSON.parse(readFileSync(path, "utf8"))));
  }

  /**
   * A column named by one or more words, with its side: "cell_type", "pre.cell_type", "pre_pt_root_id",
   * "pre cell_type", "presynaptic type"; a side word alone ("pre = 8646…") names that side's cell.
   * A name the file lists whole ("target_id") wins over a side read into its first part.
   */
  column(words: string[]): { col?: Column; side?: Side } | undefined {
    const whole = this.columns.get(nameKey(words.join(" ")));
    if (whole) return { col: whole };
    const [first, ...rest] = words;
    if (first === undefined) return undefined;
    const split = /^([a-z]+)(?:\.|_)(.+)$/i.exec(first);
    if (split) {
      const side = this.sides.get(nameKey(split[1]!));
      const col = this.columns.get(nameKey([split[2]!, ...rest].join(" ")));
      if (side && col) return { col, side };
    }
    const side = this.sides.get(nameKey(first));
    if (side && !rest.length) return { side };
    const col = side ? this.columns.get(nameKey(rest.join(" "))) : undefined;
    return side && col ? { col, side } : undefined;
  }

  table(words: string[]): string | undefined {
    return this.tables.get(nameKey(words.join(" ")));
  }
}

let cached: SqlVocab | undefined;
export const sqlVocab = (): SqlVocab => (cached ??= SqlVocab.load());
