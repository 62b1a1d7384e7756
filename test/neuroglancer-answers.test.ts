import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../src/answers/answer.js";
import { ConnectomeChat } from "../src/answers/chat.js";
import { importTables } from "../src/store/import/importer.js";
import { decodeLink, segmentationLayer } from "./support/neuroglancer-url.js";
import { CLI } from "./support/store.js";
import { gold, loadRawExports } from "./support/raw-tables.js";

/**
 * Links on real answers: a store imported as materialization version 1300, questions through the
 * core, and each link's decoded state checked against the raw exports with plain SQL.
 */
const SEG_M1300 = "precomputed://gs://iarpa_microns/minnie/minnie65/seg_m1300";

let chat: ConnectomeChat;
let raw: Database.Database;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "cc-ngl-"));
  const dir = join(root, "export");
  execFileSync(process.execPath, [CLI, "sample", "--out", dir, "--cells", "1500", "--seed", "21"], { stdio: "pipe" });
  await importTables({ paths: [dir], db: join(root, "store.db"), version: 1300 });
  raw = loadRawExports(dir, ["aibs_metamodel_celltypes_v661", "synapses_pni_2", "nucleus_detection_v0"]);
  chat = await ConnectomeChat.open({ dbPath: join(root, "store.db"), plotDir: join(root, "plots") });
});

afterAll(async () => {
  await chat?.close();
});

/** The soma of the first of `roots` that has a nucleus, from the raw export (its first nucleus). */
function goldSoma(roots: string[]): number[] | undefined {
  const sql = "SELECT pt_position_x, pt_position_y, pt_position_z FROM nuc WHERE pt_root_id = ? ORDER BY id";
  const soma = raw.prepare(sql);
  for (const root of roots) {
    const row = soma.raw(true).get(BigInt(root)) as bigint[] | undefined;
    if (row) return row.map(Number);
  }
  return undefined;
}

/** The one link of an answer, decoded. */
function onlyLink(answer: Answer) {
  expect(answer.status).toBe("answered");
  expect(answer.links).toHaveLength(1);
  return { label: answer.links![0]!.label, ...decodeLink(answer.links![0]!.url) };
}

const busiest = () =>
  gold(raw, "SELECT pre_pt_root_id FROM syn GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1") as string;

describe("Neuroglancer links on answers", () => {
  it("a look-up: the cell, on v1300's flat segmentation, at its soma", async () => {
    const root = busiest();
    const link = onlyLink(await chat.answer(`tell me about ${root}`));
    expect(link.label).toBe("View the cell in Neuroglancer (segmentation v1300)");
    expect(segmentationLayer(link)).toMatchObject({ source: SEG_M1300, segments: [root] });
    expect(link.state.position).toEqual(goldSoma([root]));
  });

  it("a top-5 partner list: the five partners in rank order, at the first soma among them", async () => {
    const root = busiest();
    const link = onlyLink(await chat.answer(`What are the top 5 postsynaptic partners of ${root}?`));
    const partners = raw
      .prepare("SELECT post_pt_root_id FROM syn WHERE pre_pt_root_id = ? GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5")
      .raw(true)
      .all(BigInt(root))
      .map((r) => String((r as bigint[])[0]));
    expect(partners).toHaveLength(5);
    expect(segmentationLayer(link).segments).toEqual(partners);
    expect(link.label).toBe("View the 5 cells in Neuroglancer (segmentation v1300)");
    // Partners without a nucleus (fragments) give no position: the first that has one does.
    expect(link.state.position).toEqual(goldSoma(partners));
  });

  it("a type's cells: the first 50, said to be a subset, all of the type asked", async () => {
    const answer = await chat.answer("list the 23P cells");
    const link = onlyLink(answer);
    expect(answer.table!.rows).toHaveLength(gold(raw, "SELECT count(*) FROM ct WHERE cell_type = '23P'") as number);
    const column = answer.table!.columns.indexOf("pt_root_id");
    // Rows of root 0 (a nucleus without a segment) and repeats (merges) are not cells to show.
    const cells = [...new Set(answer.table!.rows.map((r) => String(r[column])).filter((id) => id !== "0"))];
    const segments = segmentationLayer(link).segments!;
    expect(segments).toEqual(cells.slice(0, 50));
    expect(link.label).toBe(`View the first 50 of ${cells.length} cells in Neuroglancer (segmentation v1300)`);
    const types = raw.prepare("SELECT DISTINCT cell_type FROM root_type WHERE pt_root_id = ?");
    for (const id of segments) expect(types.raw(true).all(BigInt(id))).toEqual([["23P"]]);
    expect(link.state.position).toEqual(goldSoma(segments));
  });

  // Reader: asks back, "I did not understand "200"": a number of cells to list is not read (the plan
  // language has a limit). It should list 200 23P cells, the link showing the first 50 of them.
  it.todo('a set of 200 cells: the first 50, said to be a subset: "list 200 23P cells"');

  it("the cells behind a chart, and none for an answer that names no cells", async () => {
    const where = await chat.answer("where are the Martinotti cells?");
    const link = onlyLink(where);
    const ids = where.table!.rows.map((r) => String(r[where.table!.columns.indexOf("pt_root_id")]));
    expect(segmentationLayer(link).segments).toEqual([...new Set(ids)].slice(0, 50));
    const count = await chat.answer("How many basket cells are there?");
    expect(count.status).toBe("answered");
    expect(count.links).toEqual([]);
  });
});
