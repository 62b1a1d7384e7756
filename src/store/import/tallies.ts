import type Database from "better-sqlite3";
import { SIZE_COUNTS_DDL } from "../schema.js";
import { TYPE_SIZE_COUNTS_DDL } from "./type-size-counts.js";

/**
 * Summaries counted while synapses stream in, instead of re-reading millions of rows in SQL afterwards:
 * - `synapse_size_counts`: every synapse size and how many synapses have it;
 * - `cell_type_size_counts`: the same per cell type, on each side (exact box plots and medians).
 * Counted as the rows are inserted, from the cell types already in the store (they load before
 * synapses). A root with nuclei of two types counts for both. The type-to-type connectivity tables
 * are not counted here: their `n_pairs` needs distinct (pre, post) pairs, which the connection
 * table has and a stream of synapses does not (schema.ts builds them from it).
 */

/** The store's roots with a cell type: the index in `names` of each root's type, or indexes for a root with nuclei of two types. */
export interface RootCellTypes {
  typesOf: Map<bigint, number | number[]>;
  names: string[];
}

/** Sizes up to this are counted in arrays (4 to 8 bytes a slot); MICrONS sizes stay far below. */
const MAX_INDEXED_SIZE = 8_000_000;

const indexable = (size: number) => Number.isInteger(size) && size >= 0 && size <= MAX_INDEXED_SIZE;

/** Counts by size in an array grown as larger sizes come: a map costs ~4x more a synapse. */
function bump<T extends Uint32Array | Float64Array>(bySize: T, size: number, grow: (length: number) => T): T {
  if (size >= bySize.length) {
    const grown = grow(2 ** Math.ceil(Math.log2(size + 1)));
    grown.set(bySize);
    bySize = grown;
  }
  bySize[size]!++;
  return bySize;
}

const newCounts = (length: number) => new Uint32Array(length);

/** The tallies of a synapse table as its rows pass. */
export class Tallies {
  private sizes = new Float64Array(1024);
  /** Sizes that cannot index an array (negative, fractional or huge). */
  private readonly otherSizes = new Map<number, number>();
  /** Per side, per cell type index: synapses by size. Dropped (and built in SQL) at the first size that cannot index an array. */
  private typeSizes: { pre: Uint32Array[]; post: Uint32Array[] } | undefined;

  constructor(private readonly cellTypes: RootCellTypes | undefined) {
    if (cellTypes) this.typeSizes = { pre: [], post: [] };
  }

  add(pre: unknown, post: unknown, size: number | null): void {
    if (size === null) return;
    if (!indexable(size)) {
      this.otherSizes.set(size, (this.otherSizes.get(size) ?? 0) + 1);
      this.typeSizes = undefined;
      return;
    }
    this.sizes = bump(this.sizes, size, (n) => new Float64Array(n));
    if (!this.typeSizes) return;
    this.addTyped(this.typeSizes.pre, pre, size);
    this.addTyped(this.typeSizes.post, post, size);
  }

  private addTyped(counts: Uint32Array[], root: unknown, size: number): void {
    const types =
      typeof root === "bigint"
        ? this.cellTypes!.typesOf.get(root)
        : typeof root === "number"
          ? this.cellTypes!.typesOf.get(BigInt(root))
          : undefined;
    if (types === undefined) return;
    if (typeof types === "number") counts[types] = bump(counts[types] ?? new Uint32Array(1024), size, newCounts);
    else for (const t of types) counts[t] = bump(counts[t] ?? new Uint32Array(1024), size, newCounts);
  }

  /** Writes what was counted; returns the summaries written (the others are left to SQL). */
  write(db: Database.Database): Set<string> {
    const written = new Set(["synapse_size_counts"]);
    db.exec(`DROP TABLE IF EXISTS synapse_size_counts; ${SIZE_COUNTS_DDL}`);
    const putSize = db.prepare("INSERT INTO synapse_size_counts (size, n) VALUES (?, ?)");
    this.sizes.forEach((n, size) => n && putSize.run(size, n));
    for (const [size, n] of this.otherSizes) putSize.run(size, n);
    if (this.typeSizes) {
      db.exec(`DROP TABLE IF EXISTS cell_type_size_counts; ${TYPE_SIZE_COUNTS_DDL}`);
      const put = db.prepare("INSERT INTO cell_type_size_counts (side, cell_type, size, n) VALUES (?, ?, ?, ?)");
      for (const side of ["pre", "post"] as const) {
        this.typeSizes[side].forEach((bySize, type) =>
          bySize.forEach((n, size) => n && put.run(side, this.cellTypes!.names[type], size, n)),
        );
      }
      written.add("cell_type_size_counts");
    }
    return written;
  }
}

/** The store's roots with a cell type, or none when no cell types are loaded. */
export function readCellTypeRoots(db: Database.Database): RootCellTypes | undefined {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cell_type'").get()) return undefined;
  const rows = db
    .prepare(
      "SELECT DISTINCT pt_root_id, cell_type FROM cell_type WHERE pt_root_id IS NOT NULL AND pt_root_id != 0 AND cell_type IS NOT NULL",
    )
    .safeIntegers(true)
    .raw()
    .iterate() as IterableIterator<[bigint, string]>;
  const names: string[] = [];
  const typesOf = new Map<bigint, number | number[]>();
  for (const [root, type] of rows) {
    let t = names.indexOf(type);
    if (t < 0) t = names.push(type) - 1;
    const known = typesOf.get(root);
    typesOf.set(root, known === undefined ? t : [...(typeof known === "number" ? [known] : known), t]);
  }
  return { typesOf, names };
}
