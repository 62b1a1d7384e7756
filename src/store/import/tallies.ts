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

/** Roots with a cell type, in typed arrays. */
export interface RootTypes {
  roots: BigInt64Array;
  /** Index into `names` for each root (a root with two types appears twice). */
  types: Int32Array;
  names: string[];
}

/** What was counted, when a table is done. */
export interface TallyResult {
  /** [size, synapses] pairs. */
  sizes: [number, number][];
  /** Per side, per cell type, synapses by size; absent when sizes could not be indexed (then SQL builds it). */
  typeSizes?: { side: "pre" | "post"; type: string; size: number; n: number }[];
}

/** Sizes up to this are counted in arrays (4 bytes a slot); a larger one sends the per-type table to SQL. MICrONS sizes stay far below. */
const MAX_INDEXED_SIZE = 8_000_000;

class TypeLookup {
  private readonly typesOf = new Map<bigint, number | number[]>();

  constructor(readonly source: RootTypes) {
    source.roots.forEach((root, i) => {
      const type = source.types[i]!;
      const known = this.typesOf.get(root);
      if (known === undefined) this.typesOf.set(root, type);
      else if (known !== type && !(Array.isArray(known) && known.includes(type))) this.typesOf.set(root, [...(Array.isArray(known) ? known : [known]), type]);
    });
  }

  get(root: unknown): number | number[] | undefined {
    return typeof root === "bigint" ? this.typesOf.get(root) : typeof root === "number" ? this.typesOf.get(BigInt(root)) : undefined;
  }
}

/** Synapse counts by size per type and side (sizes are small integers: arrays grown as larger ones come). */
class TypeSizes {
  private readonly counts = { pre: [] as Uint32Array[], post: [] as Uint32Array[] };
  indexable = true;

  add(side: "pre" | "post", types: number | number[] | undefined, size: number): void {
    if (types === undefined) return;
    if (typeof types === "number") this.bump(this.counts[side], types, size);
    else for (const t of types) this.bump(this.counts[side], t, size);
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

  rows(names: string[]): NonNullable<TallyResult["typeSizes"]> {
    const out: NonNullable<TallyResult["typeSizes"]> = [];
    for (const side of ["pre", "post"] as const) {
      this.counts[side].forEach((bySize, type) => bySize.forEach((n, size) => n && out.push({ side, type: names[type]!, size, n })));
    }
    return out;
  }
}

/** Synapses per size: whole sizes in an array grown as larger ones come (a map costs ~4x more a synapse), any other size in a map. */
class SizeCounts {
  private bySize = new Float64Array(1024);
  private readonly others = new Map<number, number>();

  add(size: number): void {
    if (!Number.isInteger(size) || size < 0 || size > MAX_INDEXED_SIZE) {
      this.others.set(size, (this.others.get(size) ?? 0) + 1);
      return;
    }
    if (size >= this.bySize.length) {
      const grown = new Float64Array(2 ** Math.ceil(Math.log2(size + 1)));
      grown.set(this.bySize);
      this.bySize = grown;
    }
    this.bySize[size]!++;
  }

  entries(): [number, number][] {
    const out: [number, number][] = [];
    this.bySize.forEach((n, size) => n && out.push([size, n]));
    return [...out, ...this.others];
  }
}

/** The tallies of a synapse table as its rows pass. */
export class Tallies {
  private readonly sizes = new SizeCounts();
  private readonly cellTypes?: TypeLookup;
  private readonly typeSizes = new TypeSizes();

  constructor(cellTypes: RootTypes | undefined) {
    this.cellTypes = cellTypes && new TypeLookup(cellTypes);
  }

  add(pre: unknown, post: unknown, size: number | null): void {
    if (size === null) return;
    this.sizes.add(size);
    if (!this.cellTypes || !this.typeSizes.indexable) return;
    if (!Number.isInteger(size) || size < 0 || size > MAX_INDEXED_SIZE) {
      this.typeSizes.indexable = false;
      return;
    }
    this.typeSizes.add("pre", this.cellTypes.get(pre), size);
    this.typeSizes.add("post", this.cellTypes.get(post), size);
  }

  result(): TallyResult {
    return {
      sizes: this.sizes.entries(),
      ...(this.cellTypes && this.typeSizes.indexable ? { typeSizes: this.typeSizes.rows(this.cellTypes.source.names) } : {}),
    };
  }
}

/** The store's roots with a cell type, or none when no cell types are loaded. */
export function readCellTypeRoots(db: Database.Database): RootTypes | undefined {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cell_type'").get()) return undefined;
  const rows = db
    .prepare("SELECT DISTINCT pt_root_id, cell_type FROM cell_type WHERE pt_root_id IS NOT NULL AND pt_root_id != 0 AND cell_type IS NOT NULL")
    .safeIntegers(true)
    .raw()
    .all() as [bigint, string][];
  const names: string[] = [];
  const index = new Map<string, number>();
  const roots = new BigInt64Array(rows.length);
  const types = new Int32Array(rows.length);
  rows.forEach(([root, type], i) => {
    let t = index.get(type);
    if (t === undefined) index.set(type, (t = names.push(type) - 1));
    roots[i] = root;
    types[i] = t;
  });
  return { roots, types, names };
}

/** Writes what was counted; returns the summaries written (the others are left to SQL). */
export function writeTallies(db: Database.Database, tallies: TallyResult): Set<string> {
  const written = new Set<string>();
  db.exec(`DROP TABLE IF EXISTS synapse_size_counts; ${SIZE_COUNTS_DDL}`);
  const putSize = db.prepare("INSERT INTO synapse_size_counts (size, n) VALUES (?, ?)");
  for (const [size, n] of tallies.sizes) putSize.run(size, n);
  written.add("synapse_size_counts");
  if (tallies.typeSizes) {
    db.exec(`DROP TABLE IF EXISTS cell_type_size_counts; ${TYPE_SIZE_COUNTS_DDL}`);
    const put = db.prepare("INSERT INTO cell_type_size_counts (side, cell_type, size, n) VALUES (?, ?, ?, ?)");
    for (const r of tallies.typeSizes) put.run(r.side, r.type, r.size, r.n);
    written.add("cell_type_size_counts");
  }
  return written;
}
