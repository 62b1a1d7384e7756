/**
 * Synapse sizes per cell type, on each side (`cell_type_size_counts`): exact quartiles and medians
 * by type (box plots, "median synapse size by presynaptic type") without sorting millions of
 * synapses per question. Counted while the synapses stream in (tallies.ts), because building it
 * afterwards in SQL sorts every synapse twice (~40 s for 9 million).
 */
export const TYPE_SIZE_COUNTS_DDL = `
  CREATE TABLE cell_type_size_counts (side TEXT NOT NULL, cell_type TEXT NOT NULL, size INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (side, cell_type, size)) WITHOUT ROWID;`;

/** The same table built in SQL, for when cell types arrive after the synapses. */
export const TYPE_SIZE_COUNTS_FROM_SQL = ["pre", "post"]
  .map(
    (side) => `
  INSERT INTO cell_type_size_counts
    SELECT '${side}', t.cell_type, s.size, count(*) FROM synapse s JOIN (SELECT DISTINCT pt_root_id, cell_type FROM cell_type WHERE pt_root_id IS NOT NULL AND pt_root_id != 0 AND cell_type IS NOT NULL) t
      ON t.pt_root_id = s.${side}_pt_root_id WHERE s.size IS NOT NULL GROUP BY t.cell_type, s.size;`,
  )
  .join("");
