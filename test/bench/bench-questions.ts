/** The questions the answer benchmarks time, by category, with ids picked from the store being measured. */
import Database from "better-sqlite3";

export type BenchIds = ReturnType<typeof pickIds>;

const busiest = (type: string, by: "n_out" | "n_in") =>
  `SELECT s.root_id FROM root_stats s JOIN root_cell_type t ON t.pt_root_id = s.root_id
    WHERE t.cell_type = '${type}' ORDER BY s.${by} DESC LIMIT 1`;

/** The busiest cell of a few types, a nucleus and the synapse count, read from the store. */
export function pickIds(db: string) {
  const d = new Database(db, { readonly: true });
  d.defaultSafeIntegers(true);
  const one = (sql: string) => String(Object.values(d.prepare(sql).get() as object)[0]);
  const ids = {
    bc: one(busiest("BC", "n_out")),
    p23: one(busiest("23P", "n_out")),
    p4: one(busiest("4P", "n_in")),
    nucleus: one("SELECT id FROM nucleus WHERE pt_root_id != 0 ORDER BY id LIMIT 1 OFFSET 100"),
    synapses: one("SELECT sum(n) FROM synapse_size_counts"),
  };
  d.close();
  return ids;
}

export function questionCategories(ids: BenchIds): Record<string, string[]> {
  return {
    count: [
      "How many basket cells are there?",
      "How many cells of each cell type are there?",
      "How many excitatory neurons are there?",
      "How many synapses are there?",
    ],
    lookup: [
      `What is the cell type of ${ids.p23}?`,
      `What is the nucleus volume of nucleus ${ids.nucleus}?`,
      `Tell me about ${ids.bc}`,
    ],
    partners: [
      `How many output synapses does ${ids.p23} have?`,
      `How many input synapses does ${ids.p4} receive?`,
      `What are the top 5 postsynaptic partners of ${ids.bc}?`,
      `How many synapses does ${ids.bc} make onto 5P-ET cells?`,
      `Which cell types does ${ids.bc} target, and with how many synapses?`,
      `How many different neurons does ${ids.p23} connect to?`,
      `top 10 inputs to ${ids.p4}`,
    ],
    celltype: [
      "How many synapses go from basket cells to 23P cells?",
      "What is the mean synapse size from 4P to 4P cells?",
      "Which cell type receives the most synapses from Martinotti cells?",
      "How many synapses does each inhibitory cell type send to 5P-IT cells?",
      "What fraction of basket cell output synapses go onto 23P cells?",
    ],
    aggregate: [
      "What is the average synapse size?",
      "What is the median synapse size?",
      "How many synapses are larger than 5000 voxels?",
      "Which 3 23P neurons have the most output synapses?",
      "What is the mean nucleus volume of astrocytes?",
    ],
    proofreading: [
      "How many neurons have a proofread axon?",
      "How many neurons have a fully extended axon?",
      "How many neurons are coregistered with functional imaging?",
    ],
  };
}
