import type Database from "better-sqlite3";

/**
 * Synapse sizes per cell type, on each side (`cell_type_size_counts`): exact quartiles and medians
 * by type (box plots, "median synapse size by presynaptic type") without sorting millions of
 * synapses per question. Counted while the synapses stream in, because building it afterwards in
 * SQL sorts every synapse twice (~40 s for 9 million; counting as they pass costs ~6 s).
 * A root with nuclei of two types counts for both, as a join on root_cell_type does.
 */
export const TYPE_SIZE_COUNTS_DDL = `
  CREATE TABLE cell_type_size_counts (side TEXT NOT NULL, cell_type TEXT NOT NULL, size INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (side, cell_type, size)) WITHOUT ROWID;`;

/** The same table built in SQL, for when cell types arrive after the synapses. */
export const TYPE_SIZE_COUNTS_FROM_SQL = ["pre", "post"]
  .map((side) => `
  INSERT INTO cell_type_size_counts
    SELECT '${side}', t.cell_type, s.size, count(*) FROM synapse s JOIN (SELECT DISTINCT pt_root_id, cell_type FROM cell_type WHERE pt_root_id IS NOT NULL AND pt_root_id != 0 AND cell_type IS NOT NULL) t
      ON t.pt_root_id = s.${side}_pt_root_id WHERE s.size IS NOT NULL GROUP BY t.cell_type, s.size;`)
  .join("");

export class TypeSizeCounter {
  /** Per side and type, synapse counts indexed by size (sizes are small integers); grown as larger sizes come. */
  private readonly counts = { pre: [] as Uint32Array[], post: [] as Uint32Array[] };
  /** False once a size cannot be an index (negative, fractional or huge): the table is then built in SQL. */
  private indexable = true;

  private constructor(
    /** Root id to the indexes of its cell types: one, or several for a root with nuclei of two types. */
    private readonly typesOf: Map<bigint, number | number[]>,
    private readonly typeNames: string[],
  ) {}

  /** A counter over the store's typed roots, or none when the store has no cell types yet. */
  static fromStore(db: Database.Database): TypeSizeCounter | undefined {
    const hasCellTypes = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cell_type'").get();
    if (!hasCellTypes) return undefined;
    const typesOf = new Map<bigint, number | number[]>();
    const typeNames: string[] = [];
    const rows = db
      .prepare("SELECT DISTINCT pt_root_id, cell_type FROM cell_type WHERE pt_root_id IS NOT NULL AND pt_root_id != 0 AND cell_type IS NOT NULL")
      .safeIntegers(true)
      .raw()
      .iterate() as IterableIterator<[bigint, string]>;
    for (const [root, type] of rows) {
      let index = typeNames.indexOf(type);
      if (index < 0) index = typeNames.push(type) - 1;
      const known = typesOf.get(root);
      typesOf.set(root, known === undefined ? index : [...(Array.isArray(known) ? known : [known]), index]);
    }
    return new TypeSizeCounter(typesOf, typeNames);
  }

  /** One synapse: its roots as stored (BigInt) and its size. */
  add(pre: unknown, post: unknown, size: unknown): void {
    if (typeof size !== "number" || !this.indexable) return;
    if (!Number.isInteger(size) || size < 0 || size > MAX_INDEXED_SIZE) {
      this.indexable = false;
      return;
    }
    this.count(this.counts.pre, pre, size);
    this.count(this.counts.post, post, size);
  }

  private count(counts: Uint32Array[], root: unknown, size: number): void {
    // BigInt keys: cheaper here than turning each id into digits (measured on 9 million synapses).
    const types = typeof root === "bigint" ? this.typesOf.get(root) : typeof root === "number" ? this.typesOf.get(BigInt(root)) : undefined;
    if (types === undefined) return;
    if (typeof types === "number") this.bump(counts, types, size);
    else for (const t of types) this.bump(counts, t, size);
  }

  private bump(counts: Uint32Array[], type: number, size: number): void {
    let bySize = counts[type];
    if (!bySize || bySize.length <= size) {
      const grown = new Uint32Array(Math.max(1024, 2 ** Math.ceil(Math.log2(size + 1))));
      if (bySize) grown.set(bySize);
      counts[type] = bySize = grown;
    }
    bySize[size]!++;
  }

  write(db: Database.Database): void {
    db.exec(`DROP TABLE IF EXISTS cell_type_size_counts; ${TYPE_SIZE_COUNTS_DDL}`);
    if (!this.indexable) {
      db.exec(TYPE_SIZE_COUNTS_FROM_SQL);
      return;
    }
    const put = db.prepare("INSERT INTO cell_type_size_counts (side, cell_type, size, n) VALUES (?, ?, ?, ?)");
    for (const side of ["pre", "post"] as const) {
      this.counts[side].forEach((bySize, type) => {
        bySize.forEach((n, size) => {
          if (n) put.run(side, this.typeNames[type], size, n);
        });
      });
    }
  }
}

/** Sizes up to this are counted in arrays (4 bytes a slot); a larger one sends the table to SQL. MICrONS sizes stay far below. */
const MAX_INDEXED_SIZE = 8_000_000;
