import type Database from "better-sqlite3";
import { FUNCTION_SUMMARY_STEPS } from "./function-summaries.js";

/**
 * The store's own tables beside the imported CAVE tables: import metadata and the summaries built
 * at import so that no question has to scan the synapse table.
 */
export const STORE_SCHEMA_VERSION = 1;

/** Voxel resolution of every position in the store, in nm (MICrONS minnie65: 4 x 4 x 40). */
export const VOXEL_RESOLUTION_NM = [4, 4, 40] as const;

export const META_DDL = `
CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT) STRICT;
CREATE TABLE IF NOT EXISTS import_log (
  cave_table TEXT PRIMARY KEY,     -- the CAVE table name, e.g. synapses_pni_2
  role TEXT NOT NULL,
  store_table TEXT,                -- where its rows are, or NULL when it was not loaded
  source_files TEXT NOT NULL,      -- JSON array of absolute paths
  rows INTEGER,                    -- valid rows loaded
  invalid_rows INTEGER NOT NULL DEFAULT 0,  -- rows skipped because valid was not true
  ignored_columns TEXT,            -- JSON array
  materialization_version INTEGER,
  imported_at TEXT NOT NULL,
  note TEXT
) STRICT;
`;

export interface SummaryStep {
  name: string;
  /** Summaries are rebuilt when the tables (or "table.column"s) they depend on are present. */
  needs: string[];
  sql: string;
}

/**
 * Derived tables, in build order. Each is dropped and rebuilt after every import, inside the
 * import's transaction; `connection` is rebuilt from synapses only when synapses changed. Steps
 * that share a name are alternative sources: the first whose needs are met builds the summary.
 */
export const SUMMARY_STEPS: SummaryStep[] = [
  // Each root's types, from the cell-type and the m-type table alike: one row per (root, type,
  // classification), without root id 0 (a nucleus with no segment).
  ...(
    [
      ["root_cell_type", "cell_type"],
      ["root_mtype", "mtype"],
    ] as const
  ).map(([name, source]) => ({
    name,
    needs: [source],
    sql: `
      CREATE TABLE ${name} (pt_root_id INTEGER NOT NULL, cell_type TEXT NOT NULL, classification_system TEXT NOT NULL,
        PRIMARY KEY (pt_root_id, cell_type, classification_system)) WITHOUT ROWID;
      INSERT INTO ${name} SELECT DISTINCT pt_root_id, cell_type, coalesce(classification_system, '')
        FROM ${source} WHERE pt_root_id IS NOT NULL AND pt_root_id != 0 AND cell_type IS NOT NULL;
      CREATE INDEX ${name}_by_type ON ${name} (cell_type, pt_root_id);`,
  })),
  {
    name: "root_stats",
    needs: ["connection"],
    sql: `
      CREATE TABLE root_stats (root_id INTEGER PRIMARY KEY, n_out INTEGER NOT NULL, n_in INTEGER NOT NULL,
        out_partners INTEGER NOT NULL, in_partners INTEGER NOT NULL, out_size INTEGER, in_size INTEGER) STRICT;
      -- Outputs from the connection table in its own (pre) order, then inputs merged in from its index by
      -- post, also in root order: two ordered scans and no sort of every pair (a GROUP BY over both sides
      -- sorted them all, the import's slowest step at 20M synapses). Sizes as sum() over both sides gave them:
      -- a root on one side only has 0 for the other; NULL only when all its sizes on its side are NULL.
      INSERT INTO root_stats
        SELECT pre_pt_root_id, sum(n_syn), 0, count(*), 0, sum(sum_size), 0
          FROM connection GROUP BY pre_pt_root_id;
      INSERT INTO root_stats
        SELECT post_pt_root_id, 0, sum(n_syn), 0, count(*), 0, sum(sum_size)
          FROM connection INDEXED BY connection_by_post WHERE true GROUP BY post_pt_root_id
        ON CONFLICT (root_id) DO UPDATE SET n_in = excluded.n_in, in_partners = excluded.in_partners,
          out_size = coalesce(out_size, 0), in_size = coalesce(excluded.in_size, 0);
      CREATE INDEX root_stats_by_out ON root_stats (n_out);
      CREATE INDEX root_stats_by_in ON root_stats (n_in);`,
  },
  // A root counts once per type, even when two classification systems give it the same type.
  ...(["cell_type", "mtype"] as const).map((scheme) => {
    const map = scheme === "cell_type" ? "root_cell_type" : "root_mtype";
    return {
      name: `${scheme}_connectivity`,
      needs: ["connection", map],
      sql: `
      ${connectivityDdl(scheme)}
      WITH typed AS MATERIALIZED (SELECT DISTINCT pt_root_id, cell_type FROM ${map})
      INSERT INTO ${scheme}_connectivity
        SELECT a.cell_type, b.cell_type, sum(c.n_syn), sum(c.sum_size), count(*)
          FROM typed a JOIN connection c ON c.pre_pt_root_id = a.pt_root_id
          JOIN typed b ON b.pt_root_id = c.post_pt_root_id
         GROUP BY a.cell_type, b.cell_type;`,
    };
  }),
  ...(["cell_type", "mtype"] as const).map((scheme) => {
    const map = scheme === "cell_type" ? "root_cell_type" : "root_mtype";
    return {
      name: `${scheme}_totals`,
      needs: ["root_stats", map],
      sql: `
      CREATE TABLE ${scheme}_totals (cell_type TEXT NOT NULL, classification_system TEXT NOT NULL, n_roots INTEGER NOT NULL,
        n_out INTEGER NOT NULL, n_in INTEGER NOT NULL, out_size INTEGER, in_size INTEGER,
        PRIMARY KEY (cell_type, classification_system)) WITHOUT ROWID;
      INSERT INTO ${scheme}_totals
        SELECT m.cell_type, m.classification_system, count(*), coalesce(sum(s.n_out), 0), coalesce(sum(s.n_in), 0),
               sum(s.out_size), sum(s.in_size)
          FROM ${map} m LEFT JOIN root_stats s ON s.root_id = m.pt_root_id
         GROUP BY m.cell_type, m.classification_system;`,
    };
  }),
  ...FUNCTION_SUMMARY_STEPS,
];

/**
 * One row per (pre, post) root pair, clustered by pre: a neuron's outputs are one contiguous range,
 * and its inputs one range of the covering index by post.
 */
export const CONNECTION_DDL = `
  CREATE TABLE connection (pre_pt_root_id INTEGER NOT NULL, post_pt_root_id INTEGER NOT NULL,
    n_syn INTEGER NOT NULL, sum_size INTEGER, PRIMARY KEY (pre_pt_root_id, post_pt_root_id)) STRICT, WITHOUT ROWID;`;

export const CONNECTION_INDEXES = `
  CREATE INDEX connection_by_post ON connection (post_pt_root_id, pre_pt_root_id, n_syn, sum_size);`;

export const CONNECTION_FROM_SYNAPSES = `
  INSERT INTO connection SELECT pre_pt_root_id, post_pt_root_id, count(*), sum(size)
    FROM synapse GROUP BY pre_pt_root_id, post_pt_root_id;`;

/** Synapses, summed size and connected root pairs per (presynaptic type, postsynaptic type) of one classification. */
function connectivityDdl(scheme: "cell_type" | "mtype"): string {
  return `CREATE TABLE ${scheme}_connectivity (pre_type TEXT NOT NULL, post_type TEXT NOT NULL, n_syn INTEGER NOT NULL,
    sum_size INTEGER, n_pairs INTEGER NOT NULL, PRIMARY KEY (pre_type, post_type)) WITHOUT ROWID;`;
}

export const SIZE_COUNTS_DDL = `
  CREATE TABLE synapse_size_counts (size INTEGER PRIMARY KEY, n INTEGER NOT NULL) STRICT;`;

export function tableExists(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
