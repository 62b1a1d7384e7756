import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PlannerResult } from "../src/planning/plan.js";
import { OfflineReader } from "../src/planning/reader/reader.js";
import { pseudoSql, realSql, sqlLike } from "../src/planning/reader/pseudo-sql.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";
import { DATA_DIR } from "../src/project-root.js";

/**
 * The pseudo-SQL prepare step: what it rewrites into (the reader's English), what it leaves alone
 * (English, real SQL over the store's tables, statements that write), that a pseudo-SQL question
 * reads into the same plan as its English wording, and that a condition the data cannot express is
 * asked back about rather than dropped. (Answers against gold SQL: reader-pseudo-sql-answers.test.ts.)
 */

const R = "864691135006604625";
const S = "864691135341879032";
const rewrite = (text: string) => pseudoSql({ text, context: [] });

describe("pseudo-SQL is rewritten into the reader's English", () => {
  const cases: [string, string][] = [
    ["SELECT COUNT(*) FROM cells WHERE cell_type = 'NGC'", "number of NGC cells"],
    [
      "count(*) neurons where soma depth between 300 and 500 um",
      "number of neurons with soma depth between 300 and 500 um",
    ],
    [
      "select cell_type, count(*) from cells where class = excitatory group by cell_type",
      "number of excitatory cells per cell type",
    ],
    [
      "count synapses where pre.cell_type='5P-IT' and post.cell_type='6P-CT'",
      "number of synapses from 5P-IT onto 6P-CT",
    ],
    ["sum(size) over synapses with pre type 4P and post type 23P", "total synapse size of synapses from 4P onto 23P"],
    ["avg n_syn per (pre_root, post_root) pair, 23P -> 23P", "mean synapses per connection 23P -> 23P"],
    [
      "count(distinct pre_root, post_root) where pre type = BC and post type = 5P-IT",
      "number of connections from BC onto 5P-IT",
    ],
    ["stddev(size) over all synapses", "standard deviation of synapse size of synapses"],
    ["percentile_cont(0.9) of synapse size", "90th percentile of synapse size of synapses"],
    [
      `select post_root, count(*) from synapses where pre_root = ${R} group by post_root order by 2 desc limit 5`,
      `number of synapses from ${R} per postsynaptic root top 5`,
    ],
    [
      `top 5 pre_pt_root_id by count(*) where post_pt_root_id = ${R}`,
      `number of synapses onto ${R} per presynaptic root top 5`,
    ],
    [
      `sum(pre.class = excitatory) / sum(pre.class = inhibitory) over input synapses of ${R}`,
      `ratio of excitatory to inhibitory input synapses of ${R}`,
    ],
    ["count 4P roots having count(input synapses) > 60", "number of 4P roots with more than 60 input synapses"],
    ["neurons: group by area tag, count(*)", "number of neurons per area"],
    ["pt_root_id where nucleus id = 100594", "root id of nucleus 100594"],
    [
      "argmax over post.cell_type of count(*) where pre.cell_type = 'NGC'",
      "number of synapses from NGC per postsynaptic cell type top 1",
    ],
    [
      "count(*) group by pre.cell_type, post.cell_type where both pre and post are inhibitory types",
      "number of synapses from inhibitory types onto inhibitory types per pre type x post type",
    ],
    ["boxplot(size) grouped by pre cell_type", "box plot of synapse size of synapses per presynaptic cell type"],
    [
      "select pt_root_id from cells where cell_type = 'NGC' and depth < 115.1",
      "list NGC cells with soma depth below 115.1",
    ],
    ["select count(*) from cells where cell_type in ('BC', 'MC')", "number of BC or MC cells"],
    ["count(*) from cells where cell_type = 'BC' and (area = 'V1' or area = 'RL')", "number of BC cells in V1 or RL"],
    ["select count(*) from cells where cell_type != 'OPC'", "number of cells that are not OPC"],
    [
      "select count(*) from synapses where pre.cell_type = 'BC' and size >= 1000",
      "number of synapses with synapse size at least 1000 from BC",
    ],
    [
      "select count(*) from connections where n_syn >= 3 and pre.cell_type = 'BC'",
      "number of connections with at least 3 synapses from BC",
    ],
    ["select count(*) from cells where depth < -10", "number of cells with soma depth below -10"],
    ["select count(*) from nucleus_detection_v0 where volume > 300", "number of nuclei with volume above 300"],
    ["SELECT COUNT(*) FROM cells WHERE cell_type == `23P`", "number of 23P cells"],
  ];
  for (const [sql, english] of cases) it(sql, () => expect(rewrite(sql).text).toBe(english));

  it("sets the reader's own conventions aside as context, in the words typed", () => {
    const p = rewrite("count(*) from functional props where gOSI > 0.3 (one row per nucleus, best cc_abs)");
    expect(p).toEqual({ text: "number of cells with gOSI above 0.3", context: ["one row per nucleus, best cc_abs"] });
    const q = "avg(count(outgoing synapses)) over roots in proofreading with status_axon = 't', zeros included";
    expect(rewrite(q).context).toEqual(["zeros included"]);
  });

  it("keeps what it cannot translate, as typed", () => {
    expect(rewrite("select count(*) from cells where cell_type = 'BC' and hemisphere = 'left'").text).toBe(
      "number of BC cells hemisphere = 'left'",
    );
    expect(rewrite("select count(*) from cells where cell_type = 'BC' limit 10").text).toBe(
      "number of BC cells limit 10",
    );
    expect(rewrite("select cell_type, count(*) from cells").text).toBe("number of cells select cell_type, count(*)");
    expect(rewrite("select count(*) from cells where status_axon = 'f'").text).toBe(
      "number of cells status_axon = 'f'",
    );
    // A root grouping reads only in a top k; without one it is kept.
    expect(rewrite("select avg(size) from synapses where pre.cell_type = 'BC' group by post_root").text).toBe(
      "mean synapse size of synapses from BC group by post_root",
    );
  });
});

describe("what the step leaves alone", () => {
  const english = [
    "how many NGC cells",
    "how many cells per strategy_axon value",
    "# dendrite_clean neurons by type",
    "Mean output synapse count (outgoing weight) per neuron, for neurons with proofread axons?",
    `nucleus_id for pt_root_id ${R}`,
    "top 5 postsynaptic partners of 864691135006604625",
    "4P with gOSI > 0.3 - count",
  ];
  for (const q of english) it(`English: ${q}`, () => expect(rewrite(q)).toEqual({ text: q, context: [] }));

  const real = [
    "SELECT count(*) FROM cell_type WHERE cell_type = 'NGC'",
    "select count(*) from synapse s join cell_type c on c.pt_root_id = s.pre_pt_root_id where c.cell_type = 'BC'",
    "with t as (select * from root_stats) select count(*) from t where n_out > 100",
  ];
  for (const q of real) {
    it(`real SQL over the store's tables: ${q}`, () => {
      expect(sqlLike(q)).toBe(true);
      expect(realSql(q)).toBe(true);
      expect(rewrite(q).text).toBe(q);
    });
  }
  it("tables the store does not have are pseudo-SQL", () => expect(realSql("select count(*) from cells")).toBe(false));
  // The reader takes "or" between conditions as "and": a union of conditions is left as typed, whole;
  // so is a question with a part the reader would read its own way if it were kept alone.
  const unions = [
    "select count(*) from synapses where size > 1000 group by pre.cell_type having count(*) > 100",
    "select avg(pref_ori) from cells where cell_type = '23P'",
    "select count(*), avg(size) from synapses where pre.cell_type = 'BC'",
    "select count(*) from synapses where depth > 300",
    "select avg(size) from cells",
    "select avg(depth) from synapses",
    "select count(*) from cells where area = 'V1' or depth > 300",
    "select count(*) from cells where depth > 300 or volume > 400",
    "select count(*) from cells where cell_type = 'BC' and (depth > 300 or volume > 400)",
    "select count(*) from cells where (area = 'V1' or depth > 300) and cell_type = 'BC'",
    "select count(*) from synapses where pre.cell_type = 'BC' or post.cell_type = 'BC'",
    "select count(*) from cells where not depth > 300",
  ];
  for (const q of unions) {
    it(`left whole: ${q}`, async () => {
      expect(rewrite(q).text).toBe(q);
      expect((await reader.plan(q)).type).not.toBe("plan");
    });
  }
  it("a statement that writes is left for the refusal", () => {
    const q = `UPDATE cells SET cell_type = 'BC' WHERE pt_root_id = ${R}`;
    expect(rewrite(q).text).toBe(q);
  });
});

const reader = new OfflineReader(Vocabulary.load(join(DATA_DIR, "vocabulary.json")));
const planOf = async (q: string) => {
  const r = await reader.plan(q);
  return r.type === "plan" ? r.plan : r;
};

describe("pseudo-SQL reads into the plan of its English wording", () => {
  const cases: [string, string][] = [
    ["SELECT COUNT(*) FROM cells WHERE cell_type = 'NGC'", "how many NGC cells"],
    [
      "select cell_type, count(*) from cells where class = excitatory group by cell_type",
      "number of excitatory cells per cell type",
    ],
    ["count synapses where pre.cell_type='5P-IT' and post.cell_type='6P-CT'", "synapses from 5P-IT onto 6P-CT"],
    ["sum(size) over synapses with pre type 4P and post type 23P", "total synapse size from 4P onto 23P"],
    ["avg n_syn per (pre_root, post_root) pair, 23P -> 23P", "mean synapses per connection from 23P onto 23P"],
    ["count(distinct pre_root, post_root) where pre type = BC and post type = 5P-IT", "connections from BC onto 5P-IT"],
    ["stddev(size) over all synapses", "standard deviation of synapse size"],
    ["percentile_cont(0.9) of synapse size", "90th percentile of synapse size"],
    [
      `select post_root, count(*) from synapses where pre_root = ${R} group by post_root order by 2 desc limit 5`,
      `top 5 postsynaptic partners of ${R}`,
    ],
    [`top 5 pre_pt_root_id by count(*) where post_pt_root_id = ${R}`, `top 5 presynaptic partners of ${R}`],
    [`count(*) from synapses where pre = ${R} and post = ${S}`, `synapses from ${R} onto ${S}`],
    [
      `sum(pre.class = excitatory) / sum(pre.class = inhibitory) over input synapses of ${R}`,
      `E/I input ratio for ${R}`,
    ],
    [
      "avg(count(outgoing synapses)) over roots in proofreading with status_axon = 't', zeros included",
      "mean number of output synapses of roots in proofreading with a proofread axon",
    ],
    ["count 4P roots having count(input synapses) > 60", "4P cells with more than 60 input synapses"],
    ["neurons: group by area tag, count(*)", "neurons per area"],
    [
      "count(*) from functional props where gOSI > 0.3 (one row per nucleus, best cc_abs)",
      "how many cells have gOSI above 0.3",
    ],
    ["pt_root_id where nucleus id = 100594", "root id of nucleus 100594"],
    [
      "argmax over post.cell_type of count(*) where pre.cell_type = 'NGC'",
      "which cell type receives the most synapses from NGC",
    ],
    [
      "count(*) group by pre.cell_type, post.cell_type where both pre and post are inhibitory types",
      "synapses from inhibitory cells onto inhibitory cells per pre type x post type",
    ],
    ["boxplot(size) grouped by pre cell_type", "box plot of synapse size per presynaptic cell type"],
    [
      "select pt_root_id from cells where cell_type = 'NGC' and depth < 115.1",
      "list NGC cells with soma depth below 115.1",
    ],
    ["Select Count(*) From Cells Where Cell_Type = 'bc' AND area = \"V1\"", "how many BC cells in V1"],
    ["select avg(volume) from cells where cell_type = 'BC'", "mean nucleus volume of BC cells"],
    ["select area, avg(gosi) from cells group by area", "mean gOSI of cells per area"],
    [
      `count(distinct post_pt_root_id) from synapses where pre_pt_root_id = ${R}`,
      `number of postsynaptic partners of ${R}`,
    ],
    [
      "select max(n_syn) from connections where pre.cell_type='23P' and post.cell_type='23P'",
      "maximum synapses per connection from 23P onto 23P",
    ],
    ["select count(*) from cells where layer = 'L4'", "how many cells in L4"],
    ["SELECT COUNT(*) FROM cells WHERE mtype = 'L4a'", "number of cells with m-type L4a"],
    ["select count(*) from synapses where pre.area = 'V1' and post.area = 'RL'", "synapses from V1 onto RL"],
    ["select count(*) from cells where volume > 500", "how many cells have a nucleus volume above 500 µm³"],
    ["select count(*) from synapses group by pre.class, post.class", "synapse counts class to class"],
    ["hist(volume) over neurons", "histogram of nucleus volume of neurons"],
  ];
  for (const [sql, english] of cases) {
    it(sql, async () => {
      const want = await planOf(english);
      expect(want, `the English wording "${english}" reads`).toHaveProperty("kind");
      expect(await planOf(sql)).toEqual(want);
    });
  }
});

describe("a condition the data cannot express is asked back about, never dropped", () => {
  // The question, and the part of it that must reach the reader as typed.
  const cases: [string, string][] = [
    ["select count(*) from cells where hemisphere = 'left'", "hemisphere = 'left'"],
    ["select count(*) from synapses where compartment = 'spine'", "compartment = 'spine'"],
    ["select count(*) from neurons where sex = 'M'", "sex = 'M'"],
    ["select count(*) from cells where layer = 'L7'", "layer L7"],
    ["select count(*) from neurons where layer = 7", "layer 7"],
    ["select count(*) from cells where cre_line = 'Sst-Cre'", "cre_line = 'Sst-Cre'"],
    ["avg(size) from synapses where running_speed > 5", "running_speed > 5"],
    ["select count(*) from cells where cell_type = 'BC' and hemisphere = 'right'", "hemisphere = 'right'"],
    ["count(*) from synapses where pre.cell_type = 'BC' and post.compartment = 'soma'", "post.compartment = 'soma'"],
    ["select avg(volume) from cells where age > 60", "age > 60"],
    ["select count(*) from synapses where pre.cell_type = 'BC' and pre.hemisphere = 'left'", "pre.hemisphere = 'left'"],
    ["select cell_type, count(*) from cells where animal_id = 2 group by cell_type", "animal_id = 2"],
    ["count(*) from synapses where neurotransmitter = 'GABA'", "neurotransmitter = 'GABA'"],
    ["select count(*) from cells where brain_region = 'hippocampus'", "hippocampus"],
    ["select avg(gosi) from cells where stimulus = 'natural movie'", "stimulus = 'natural movie'"],
    ["select count(*) from cells where cell_type = 'BC' and pref_ori < 1.5", "preferred orientation below 1.5 rad"],
    ["select count(*) from synapses where size > 1000 and synapse_type = 'inhibitory'", "synapse_type = 'inhibitory'"],
    ["select count(*) from cells where depth > 300 and x_position < 500", "x_position < 500"],
    ["select count(*) from synapses where pre.cell_type = '23P' and dendrite_distance < 50", "dendrite_distance < 50"],
    ["select count(*) from neurons where spine_density > 1", "spine_density > 1"],
    [
      "select count(*) from cells where cell_type = 'BC' or hemisphere = 'left'",
      "cell_type = 'BC' or hemisphere = 'left'",
    ],
    ["select count(*) from cells where cortical_column = 3", "cortical_column = 3"],
    ["select count(*) from neurons where recording_date > '2020-01-01'", "recording_date > '2020-01-01'"],
    [`top 5 pre_root by count(*) where post_root = ${R} and pre.hemisphere = 'left'`, "pre.hemisphere = 'left'"],
    ["SELECT COUNT(*) FROM cells WHERE cell_type = 'BC' AND is_myelinated = true", "is_myelinated = true"],
    ["select count(*) from cells where status_axon = 'f'", "status_axon = 'f'"],
  ];
  for (const [q, kept] of cases) {
    it(q, async () => {
      expect(rewrite(q).text).toContain(kept);
      const r: PlannerResult = await reader.plan(q);
      expect(r.type, JSON.stringify(r)).not.toBe("plan");
    });
  }
});
