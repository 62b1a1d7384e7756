import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTestStore, CLI } from "./support/store.js";
import { gold, loadRawExports } from "./support/raw-tables.js";
import { decodeLink, segmentationLayer } from "./support/neuroglancer-url.js";

let db: string;
let raw: Database.Database;

/** Runs `connectome-chat ask --json` as the scorer does, and parses its one JSON object. */
function ask(question: string, ...args: string[]) {
  const out = execFileSync(process.execPath, [CLI, "ask", "--db", db, "--json", ...args, question], {
    encoding: "utf8",
  });
  return JSON.parse(out) as {
    status: string;
    text: string;
    table?: { columns: string[]; rows: (string | number | null)[][] };
    sql?: string;
    chart?: { kind: string; file: string };
    links: { label: string; url: string }[];
    timings: { totalMs: number };
  };
}

beforeAll(async () => {
  const store = await buildTestStore({ cells: 1500, seed: 21 });
  db = store.db;
  raw = loadRawExports(store.dir, ["aibs_metamodel_celltypes_v661", "synapses_pni_2", "nucleus_detection_v0"]);
});

describe("connectome-chat ask --json (the scorer's contract)", () => {
  it("answers a count with the exact number, as a 1x1 table", () => {
    const answer = ask("How many basket cells are there?");
    expect(answer.status).toBe("answered");
    expect(answer.table!.rows).toEqual([[gold(raw, "SELECT count(*) FROM ct WHERE cell_type = 'BC'")]]);
    expect(answer.text.split("\n")[0]).toMatch(/basket cells \(BC\)/);
    expect(answer.text).toMatch(/^Read as: /m);
  });

  it("prints 18-digit root ids as exact strings of digits", () => {
    const root = gold(
      raw,
      "SELECT pre_pt_root_id FROM syn JOIN root_type ON pre_pt_root_id = pt_root_id WHERE cell_type = 'BC' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
    ) as string;
    const answer = ask(`What are the top 5 postsynaptic partners of ${root}?`);
    expect(answer.status).toBe("answered");
    const expected = raw
      .prepare(
        "SELECT post_pt_root_id, count(*) AS n FROM syn WHERE pre_pt_root_id = ? GROUP BY 1 ORDER BY n DESC, 1 LIMIT 5",
      )
      .raw(true)
      .all(BigInt(root)) as [bigint, bigint][];
    expect(answer.table!.rows).toEqual(expected.map(([id, n]) => [id.toString(), Number(n)]));
    for (const [id] of answer.table!.rows) expect(String(id)).toMatch(/^\d{18}$/);
    expect(answer.sql).toMatch(/connection/);
  });

  it("prints `links`: a Neuroglancer link for the cells an answer names, an empty list for a count", () => {
    const root = gold(raw, "SELECT pre_pt_root_id FROM syn GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1") as string;
    const answer = ask(`What are the top 5 postsynaptic partners of ${root}?`);
    expect(answer.links).toHaveLength(1);
    const link = decodeLink(answer.links[0]!.url);
    expect(link.viewer).toBe("https://spelunker.cave-explorer.org/");
    expect(segmentationLayer(link).segments).toEqual(answer.table!.rows.map((r) => r[0]));
    // This store was imported without --version: the dynamic segmentation, which needs a login.
    const dynamic = "graphene://https://minnie.microns-daf.com/segmentation/table/minnie65_public";
    expect(segmentationLayer(link).source).toBe(dynamic);
    const label = answer.links[0]!.label;
    expect(label).toMatch(/^View the 5 cells in Neuroglancer \(dynamic segmentation: needs a CAVE login/);
    expect(ask("How many basket cells are there?").links).toEqual([]);
  });

  it("prints a link's URL on its own line in a terminal, under its label", () => {
    const root = gold(raw, "SELECT pt_root_id FROM ct WHERE cell_type = 'BC' ORDER BY 1 LIMIT 1") as string;
    const env = { ...process.env, CONNECTOME_CHAT_NEUROGLANCER_URL: "https://ngl.lab.example/" };
    const args = [CLI, "ask", "--db", db, `what type is ${root}?`];
    const out = execFileSync(process.execPath, args, { encoding: "utf8", env });
    // The label, then the URL alone on the next line (the next questions, if any, come after them).
    const lines = out.trimEnd().split("\n");
    const at = lines.findIndex((l) => /^View the cell in Neuroglancer \(.*\):$/.test(l));
    expect(at).toBeGreaterThan(0);
    const link = decodeLink(lines[at + 1]!);
    expect(link.viewer).toBe("https://ngl.lab.example/");
    expect(segmentationLayer(link).segments).toEqual([root]);
  });

  it("says a root id that is not in the data is not there, instead of answering zero", () => {
    const answer = ask("How many output synapses does 864691135000000001 have?");
    expect(answer.status).toBe("clarify");
    expect(answer.text).toMatch(/864691135000000001 is not in this data/);
    expect(answer.table).toBeUndefined();
  });

  it("refuses to change the data, and leaves the store as it was", () => {
    const before = readFileSync(db);
    const answer = ask("Delete all synapses from the database");
    expect(answer.status).toBe("refused");
    expect(answer.text).toMatch(/can't change the data/);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it("refuses questions outside the connectome", () => {
    expect(ask("What's the weather like in Seattle?").status).toBe("refused");
  });

  it("saves the whole result table as CSV with --csv", () => {
    const file = join(mkdtempSync(join(tmpdir(), "cc-csv-")), "types.csv");
    const answer = ask("How many cells of each cell type are there?", "--csv", file);
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines[0]).toBe("cell_type,cells");
    expect(lines).toHaveLength(answer.table!.rows.length + 1);
  });

  it("prints an aligned table for a person without --json", () => {
    const out = execFileSync(
      process.execPath,
      [CLI, "ask", "--db", db, "How many cells of each cell type are there?"],
      { encoding: "utf8" },
    );
    const lines = out.split("\n");
    const header = lines.findIndex((l) => /^cell_type\s+cells$/.test(l));
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toMatch(/^-+\s+-+$/);
    const bc = lines.find((l) => l.startsWith("BC "))!;
    expect(bc.length).toBe(lines[header]!.length);
  });

  it("fails with a one-line message, not a stack trace, when the store does not exist", () => {
    const r = spawnSync(process.execPath, [CLI, "ask", "--db", "/nonexistent/store.db", "How many cells?"], {
      encoding: "utf8",
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/no such store/);
    expect(existsSync("/nonexistent/store.db")).toBe(false);
  });
});

describe("connectome-chat output piped into a reader that stops early", () => {
  it("ends quietly, as `| head` expects, without a stack trace", () => {
    // `head -c 1` reads one byte and exits; the rest of the output meets a closed pipe.
    const run = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" "${CLI}" sql --db "${db}" --json "SELECT * FROM synapse LIMIT 5000" | head -c 1`],
      { encoding: "utf8" },
    );
    expect(run.stdout).toBe("{");
    expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
  });
});

describe("connectome-chat chat in a terminal", () => {
  it("answers each line and leaves on a plain 'exit', answering nothing after it", () => {
    const run = spawnSync(process.execPath, [CLI, "chat", "--db", db], {
      input: "How many basket cells are there?\nexit\nHow many Martinotti cells are there?\n",
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Number of basket cells \(BC\)/);
    expect(run.stdout).not.toMatch(/outside the connectome/);
    expect(run.stdout).not.toMatch(/Martinotti/);
  });
});
