import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectomeChat } from "../src/answers/chat.js";
import type { Query } from "../src/planning/plan.js";
import { keepTies, TIE_ROOM } from "../src/querying/compile/ties.js";
import { buildTestStore } from "./support/store.js";
import { loadRawExports } from "./support/raw-tables.js";

const ranked = (extra: Partial<Query>): Query =>
  ({ kind: "query", source: "connections", measure: { fn: "count" }, groupBy: [], order: "desc", ...extra }) as Query;
const result = (values: number[]) => ({
  columns: ["key", "n"],
  rows: values.map((v, i) => [`r${i + 1}`, v]),
  truncated: false,
});

describe("rows tied with the last one asked for", () => {
  it("keeps the top k, and says where the k-th's value runs on past them", () => {
    const { result: kept, tie } = keepTies(ranked({ limit: 2 }), result([9, 5, 5, 5, 1]), "n");
    expect(kept.rows.map((r) => r[0])).toEqual(["r1", "r2"]);
    expect(tie).toEqual({ first: 2, last: 4, more: false });
  });

  it("keeps every row tied for the top one", () => {
    const { result: kept, tie } = keepTies(ranked({ limit: 1 }), result([5, 5, 5, 1]), "n");
    expect(kept.rows.map((r) => r[0])).toEqual(["r1", "r2", "r3"]);
    expect(tie).toEqual({ first: 1, last: 3, more: false });
  });

  it("keeps exactly the top k when the k-th is not tied", () => {
    const { result: kept, tie } = keepTies(ranked({ limit: 2 }), result([9, 5, 4, 4]), "n");
    expect(kept.rows.map((r) => r[0])).toEqual(["r1", "r2"]);
    expect(tie).toBeUndefined();
  });

  it("gives a place ('the 2nd') as every row holding its value, and where they sit", () => {
    const { result: kept, tie } = keepTies(ranked({ limit: 1, rank: 2 }), result([7, 7, 7, 3]), "n");
    expect(kept.rows.map((r) => r[0])).toEqual(["r1", "r2", "r3"]);
    expect(tie).toEqual({ first: 1, last: 3, more: false });
    const alone = keepTies(ranked({ limit: 1, rank: 2 }), result([9, 7, 3]), "n");
    expect(alone.result.rows).toEqual([["r2", 7]]);
    expect(alone.tie).toBeUndefined();
    expect(keepTies(ranked({ limit: 1, rank: 4 }), result([9, 7, 3]), "n").result.rows).toEqual([]);
  });

  it("says when every row fetched was tied, so more may be", () => {
    const { tie } = keepTies(ranked({ limit: 1 }), result(Array(1 + TIE_ROOM).fill(2)), "n");
    expect(tie?.more).toBe(true);
  });
});

describe("a ranking answered on the sample", () => {
  let chat: ConnectomeChat;
  let raw: Database.Database;
  beforeAll(async () => {
    const store = await buildTestStore({ cells: 1200, seed: 5 });
    raw = loadRawExports(store.dir, ["synapses_pni_2"]);
    chat = await ConnectomeChat.open({ dbPath: store.db });
  });
  afterAll(async () => chat.close());

  it("names every input tied for the top, and every one tied at the 2nd place", async () => {
    // A root whose strongest inputs tie: the answer must not pick one of them.
    const row = raw
      .prepare(
        `WITH w AS (SELECT post_pt_root_id AS post, pre_pt_root_id AS pre, count(*) AS n FROM synapses_pni_2
           WHERE pre_pt_root_id != 0 GROUP BY 1, 2),
         top AS (SELECT post, max(n) AS n FROM w GROUP BY post)
         SELECT w.post AS post, top.n AS n, count(*) AS tied FROM w JOIN top ON top.post = w.post AND top.n = w.n
         GROUP BY w.post HAVING count(*) BETWEEN 2 AND 6 ORDER BY w.post LIMIT 1`,
      )
      .get() as { post: bigint; n: bigint; tied: bigint };
    const tops = (
      raw
        .prepare(
          `SELECT pre_pt_root_id AS pre FROM synapses_pni_2 WHERE post_pt_root_id = ? AND pre_pt_root_id != 0
           GROUP BY pre HAVING count(*) = ?`,
        )
        .all(row.post, row.n) as { pre: bigint }[]
    ).map((r) => String(r.pre));
    const top = await chat.answer(`the strongest presynaptic partner of ${row.post}`);
    expect(top.status).toBe("answered");
    expect(top.text).toMatch(/^Tied for the top \(places 1–\d+\)/);
    expect(top.table!.rows.map((r) => String(r[0])).sort()).toEqual(tops.sort());
    const second = await chat.answer(`the second-strongest presynaptic partner of ${row.post}`);
    expect(second.text).toMatch(/^No single 2nd: places 1–\d+ are tied/);
    expect(second.table!.rows.length).toBe(Number(row.tied));
  });
});
