/**
 * Gold SQL over the raw views for the question bench (bench.ts), and its parameters: roots and
 * nuclei picked by gold SQL, named in questions as {NAME}.
 */

export const NOPE = "864691135000000001"; // root ids of the samples are 864691135000000000 + [1e8, 1e9)
const ROOT_SINGLE = "pt_root_id IN (SELECT pt_root_id FROM nuc WHERE pt_root_id != 0 GROUP BY 1 HAVING count(*) = 1)";
const topPre = (type: string, offset = 0) =>
  `SELECT pre_pt_root_id FROM syn JOIN root_type ON pre_pt_root_id = pt_root_id ` +
  `WHERE cell_type = '${type}' AND ${ROOT_SINGLE} ` +
  `GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 OFFSET ${offset}`;
const topPost = (type: string) =>
  `SELECT post_pt_root_id FROM syn JOIN root_type ON post_pt_root_id = pt_root_id ` +
  `WHERE cell_type = '${type}' AND ${ROOT_SINGLE} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`;
const strongestPair = (col: string) =>
  `SELECT ${col} FROM syn JOIN root_type a ON pre_pt_root_id = a.pt_root_id
   JOIN root_type b ON post_pt_root_id = b.pt_root_id
   WHERE a.classification_system = 'inhibitory_neuron' AND b.classification_system = 'excitatory_neuron'
   GROUP BY pre_pt_root_id, post_pt_root_id ORDER BY count(*) DESC, 1 LIMIT 1`;

/** Bench parameters, computed in order (later ones may use earlier ones). */
export const PARAMS: [string, string][] = [
  ["R_MC", topPre("MC")],
  ["R_BC", topPre("BC")],
  ["R_23P", topPre("23P")],
  ["R_4P_IN", topPost("4P")],
  ["PAIR_A", strongestPair("pre_pt_root_id")],
  ["PAIR_B", strongestPair("post_pt_root_id")],
  [
    "LONE_B",
    `SELECT pt_root_id FROM root_type WHERE cell_type = '6P-CT'
              AND pt_root_id NOT IN (SELECT post_pt_root_id FROM syn WHERE pre_pt_root_id = {R_23P})
              AND pt_root_id NOT IN (SELECT pre_pt_root_id FROM syn WHERE post_pt_root_id = {R_23P})
              ORDER BY pt_root_id LIMIT 1`,
  ],
  [
    "R_FRAGMENT",
    "SELECT pre_pt_root_id FROM syn WHERE pre_pt_root_id NOT IN (SELECT pt_root_id " +
      "FROM nuc) GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
  ],
  ["R_PROOF", `SELECT pt_root_id FROM proof WHERE status_axon = 't' AND ${ROOT_SINGLE} ORDER BY pt_root_id LIMIT 1`],
  ["R_COREG", `SELECT pt_root_id FROM coreg WHERE ${ROOT_SINGLE} ORDER BY pt_root_id LIMIT 1`],
  ["N_MC", "SELECT target_id FROM ct WHERE cell_type = 'MC' AND pt_root_id != 0 ORDER BY target_id LIMIT 1"],
  ["N_ROOT0", "SELECT id FROM nuc WHERE pt_root_id = 0 ORDER BY id LIMIT 1"],
];

/** The median of column x of a subquery, in plain SQL. */
export const median = (sub: string) =>
  `SELECT avg(x) FROM (SELECT x FROM (${sub}) ORDER BY x LIMIT 2 - (SELECT count(*) ` +
  `FROM (${sub})) % 2 OFFSET ((SELECT count(*) FROM (${sub})) - 1) / 2)`;
/** Per-group medians (g, median of x) of a subquery with columns g and x. */
export const medians = (sub: string) =>
  `WITH v AS (${sub}),
   r AS (SELECT g, x, row_number() OVER (PARTITION BY g ORDER BY x) AS rn, count(*) OVER (PARTITION BY g) AS c FROM v)
   SELECT g, avg(x) FROM r WHERE rn IN ((c + 1) / 2, (c + 2) / 2) GROUP BY g`;
export const typeToType = (where: string, select = "count(*)") =>
  `SELECT ${select} FROM syn JOIN root_type a ON pre_pt_root_id = a.pt_root_id ` +
  `JOIN root_type b ON post_pt_root_id = b.pt_root_id WHERE ${where}`;
export const NEURON = "('excitatory_neuron', 'inhibitory_neuron')";
export const TYPED_SYN =
  "syn JOIN root_type a ON a.pt_root_id = pre_pt_root_id JOIN root_type b ON b.pt_root_id = post_pt_root_id";

/**
 * Connected pairs of distinct roots between two types, and all such pairs (the raw views' roots,
 * without root 0).
 */
export const connectedPairs = (a: string, b: string) =>
  `SELECT count(*) FROM (SELECT DISTINCT pre_pt_root_id, ` +
  `post_pt_root_id FROM ${TYPED_SYN} WHERE a.cell_type = '${a}' ` +
  `AND b.cell_type = '${b}' AND pre_pt_root_id != post_pt_root_id)`;
export const possiblePairs = (a: string, b: string) =>
  `SELECT (SELECT count(DISTINCT pt_root_id) FROM root_type WHERE cell_type = '${a}')
       * (SELECT count(DISTINCT pt_root_id) FROM root_type WHERE cell_type = '${b}')
     - (SELECT count(*) FROM (SELECT pt_root_id FROM root_type WHERE cell_type = '${a}'
       INTERSECT SELECT pt_root_id FROM root_type WHERE cell_type = '${b}'))`;

/** Per-root synapse counts of a type's roots (zero for a root without any), for per-neuron averages. */
export const perRoot = (type: string, side: "pre" | "post") =>
  `SELECT (SELECT count(*) FROM syn WHERE ${side}_pt_root_id = r.pt_root_id) AS x ` +
  `FROM (SELECT DISTINCT pt_root_id FROM root_type WHERE cell_type = '${type}') r`;
