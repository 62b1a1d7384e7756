import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AnswerTable } from "../src/answers/answer.js";
import { rootsInTable } from "../src/answers/neuroglancer/cell-roots.js";
import { loadNeuroglancerConfig, NEUROGLANCER_FILE, segmentationFor } from "../src/answers/neuroglancer/config.js";
import { linkLabel, NeuroglancerLinks } from "../src/answers/neuroglancer/links.js";
import type { Statement } from "../src/querying/executor.js";
import type { StatementResult } from "../src/querying/protocol.js";
import { decodeLink, segmentationLayer } from "./support/neuroglancer-url.js";

const config = loadNeuroglancerConfig({ env: {} });
const root = (i: number) => String(864691135000000000n + BigInt(i) * 7919n);
const FLAT_1300 = "precomputed://gs://iarpa_microns/minnie/minnie65/seg_m1300";
const DYNAMIC = "graphene://https://minnie.microns-daf.com/segmentation/table/minnie65_public";

/** A stand-in executor that answers the position look-up from a map of root → soma. */
function positions(somas: Map<string, [number, number, number]>, calls: Statement[] = []) {
  return {
    calls,
    async run(statements: Statement[]): Promise<{ results: StatementResult[]; ms: number }> {
      calls.push(...statements);
      const asked = (statements[0]!.params ?? []).map(String);
      const rows = asked.filter((r) => somas.has(r)).map((r) => [r, ...somas.get(r)!]);
      const result: StatementResult = { columns: ["pt_root_id", "x", "y", "z"], rows, truncated: false };
      return { results: [result], ms: 1 };
    },
  };
}

const store = (version: string | null, tables = ["nucleus"]) => ({
  materializationVersion: version,
  tables: new Set(tables),
});

describe("which cells an answer names", () => {
  it("reads the root-id columns only, row by row, each root once, without root 0 or empty cells", () => {
    const table: AnswerTable = {
      columns: ["pre_pt_root_id", "post_pt_root_id", "synapses", "nucleus_id"],
      rows: [
        [root(1), root(2), 12, 5],
        [root(2), root(1), 3, 6],
        ["0", root(3), 1, 7],
        [null, "not an id", 1, 8],
      ],
    };
    expect(rootsInTable(table)).toEqual({ roots: [root(1), root(2), root(3)], cut: false });
    expect(rootsInTable({ columns: ["root_id", "n"], rows: [[12345, 1]] }).roots).toEqual(["12345"]);
    expect(rootsInTable({ columns: ["pt_root_id"], rows: [[root(9)]], totalRows: 10_001 }).cut).toBe(true);
  });

  it("finds none in counts, per-type tables and ids that are not roots", () => {
    expect(rootsInTable({ columns: ["cells"], rows: [[67]] }).roots).toEqual([]);
    expect(rootsInTable({ columns: ["cell_type", "cells"], rows: [["BC", 67]] }).roots).toEqual([]);
    expect(rootsInTable({ columns: ["nucleus_id", "pt_supervoxel_id"], rows: [[101917, root(4)]] }).roots).toEqual([]);
    expect(rootsInTable(undefined).roots).toEqual([]);
  });
});

describe("data/neuroglancer.json and its setting", () => {
  it("chooses the flat segmentation of the store's version, else the dynamic one", () => {
    expect(segmentationFor(config, "1300")).toEqual({ source: FLAT_1300, flat: true });
    expect(segmentationFor(config, "943").source).toBe("precomputed://gs://iarpa_microns/minnie/minnie65/seg_m943");
    expect(segmentationFor(config, "343").source).toBe("precomputed://gs://iarpa_microns/minnie/minnie65/seg_m343");
    expect(segmentationFor(config, "1078")).toEqual({ source: DYNAMIC, flat: false });
    expect(segmentationFor(config, null)).toEqual({ source: DYNAMIC, flat: false });
  });

  it("takes the viewer from CONNECTOME_CHAT_NEUROGLANCER_URL, naming the variable when it is not a URL", () => {
    expect(config.viewer).toBe("https://spelunker.cave-explorer.org/");
    const withViewer = (url: string) => loadNeuroglancerConfig({ env: { CONNECTOME_CHAT_NEUROGLANCER_URL: url } });
    expect(withViewer("https://ngl.lab.org/v2/").viewer).toBe("https://ngl.lab.org/v2/");
    expect(withViewer(" ").viewer).toBe(config.viewer);
    expect(() => withViewer("ngl.lab.org")).toThrow(/CONNECTOME_CHAT_NEUROGLANCER_URL/);
  });

  it("refuses a data file that is not the expected shape, saying which field", () => {
    const file = join(mkdtempSync(join(tmpdir(), "cc-ngl-")), "neuroglancer.json");
    const data = JSON.parse(readFileSync(NEUROGLANCER_FILE, "utf8"));
    const segmentation = { ...data.segmentation, flat: { v1300: FLAT_1300 } };
    writeFileSync(file, JSON.stringify({ ...data, segmentation }));
    expect(() => loadNeuroglancerConfig({ file })).toThrow(/segmentation\.flat/);
  });
});

describe("a link's state", () => {
  it("shows the cells on the store version's segmentation, at the first soma, in Neuroglancer's format", async () => {
    const soma = new Map([[root(1), [1000, 2000, 300] as [number, number, number]]]);
    const links = new NeuroglancerLinks(config, store("1300"), positions(soma));
    const [link] = await links.forTable({ columns: ["pt_root_id"], rows: [[root(1)]] });
    expect(link!.label).toBe("View the cell in Neuroglancer (segmentation v1300)");
    const { viewer, state } = decodeLink(link!.url);
    expect(viewer).toBe("https://spelunker.cave-explorer.org/");
    expect(state.dimensions).toEqual({ x: [4e-9, "m"], y: [4e-9, "m"], z: [4e-8, "m"] });
    expect(state.position).toEqual([1000, 2000, 300]);
    expect(state).toMatchObject({ crossSectionScale: 1, projectionScale: 50000, layout: "xy-3d" });
    expect(state.selectedLayer).toEqual({ layer: "seg", visible: true });
    const em = "precomputed://https://bossdb-open-data.s3.amazonaws.com/iarpa_microns/minnie/minnie65/em";
    expect(state.layers[0]).toEqual({ type: "image", name: "em", source: em });
    const seg = segmentationLayer(decodeLink(link!.url));
    expect(seg).toEqual({ type: "segmentation", name: "seg", source: FLAT_1300, segments: [root(1)] });
  });

  it("opens at the next cell's soma when the first has no nucleus (a fragment), at none when none has", async () => {
    const fragmentFirst = new NeuroglancerLinks(config, store("1300"), positions(new Map([[root(3), [7, 8, 9]]])));
    const table = {
      columns: ["post_pt_root_id", "synapses"],
      rows: [
        [root(1), 9],
        [root(2), 5],
        [root(3), 4],
      ],
    };
    expect(decodeLink((await fragmentFirst.forTable(table))[0]!.url).state.position).toEqual([7, 8, 9]);
    const none = new NeuroglancerLinks(config, store("1300"), positions(new Map()));
    expect(decodeLink((await none.forTable(table))[0]!.url).state).not.toHaveProperty("position");
    const timedOut = { run: () => Promise.reject(new Error("timed out")) };
    const failing = new NeuroglancerLinks(config, store("1300"), timedOut);
    const [link] = await failing.forTable(table);
    expect(segmentationLayer(decodeLink(link!.url)).segments).toEqual([root(1), root(2), root(3)]);
  });

  it("caps 200 cells at the first 50, says so, and looks up the positions of those 50 only", async () => {
    const calls: Statement[] = [];
    const somas = new Map(Array.from({ length: 200 }, (_, i) => [root(i), [i, i, i] as [number, number, number]]));
    const links = new NeuroglancerLinks(config, store("1300"), positions(somas, calls));
    const rows = Array.from({ length: 200 }, (_, i) => [root(i), "23P"]);
    const [link] = await links.forTable({ columns: ["pt_root_id", "cell_type"], rows });
    expect(link!.label).toBe("View the first 50 of 200 cells in Neuroglancer (segmentation v1300)");
    const decoded = decodeLink(link!.url);
    expect(segmentationLayer(decoded).segments).toEqual(Array.from({ length: 50 }, (_, i) => root(i)));
    expect(decoded.state.position).toEqual([0, 0, 0]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.params).toHaveLength(50);
    // Within Slack's 3,000 characters for a button's URL, even on the longer dynamic source.
    const dynamic = new NeuroglancerLinks(config, store(null), positions(somas));
    const [long] = await dynamic.forTable({ columns: ["pt_root_id", "cell_type"], rows });
    expect(long!.url.length).toBeLessThan(3000);
  });

  it("uses the dynamic segmentation, and says it needs a login, when no flat one matches the version", async () => {
    const links = new NeuroglancerLinks(config, store("1078"), positions(new Map()));
    const [link] = await links.forTable({ columns: ["pt_root_id"], rows: [[root(1)], [root(2)]] });
    expect(segmentationLayer(decodeLink(link!.url)).source).toBe(DYNAMIC);
    expect(link!.label).toBe(
      "View the 2 cells in Neuroglancer (dynamic segmentation: needs a CAVE login; no flat segmentation of v1078)",
    );
    const unversioned = new NeuroglancerLinks(config, store(null), positions(new Map()));
    const unrecorded = await unversioned.forTable({ columns: ["root_id"], rows: [[root(1)]] });
    expect(unrecorded[0]!.label).toMatch(/needs a CAVE login; the store's version is not recorded\)$/);
  });

  it("makes no link (nor look-up) when no cells are named; reads somas from cell types without nuclei", async () => {
    const calls: Statement[] = [];
    const links = new NeuroglancerLinks(config, store("1300"), positions(new Map(), calls));
    expect(await links.forTable({ columns: ["cell_type", "cells"], rows: [["BC", 67]] })).toEqual([]);
    expect(calls).toHaveLength(0);
    const noNucleus = new NeuroglancerLinks(config, store("1300", ["cell_type"]), positions(new Map(), calls));
    await noNucleus.forTable({ columns: ["pt_root_id"], rows: [[root(1)]] });
    expect(calls[0]!.sql).toMatch(/FROM cell_type/);
    const nothing = new NeuroglancerLinks(config, store("1300", []), positions(new Map(), calls));
    const [unplaced] = await nothing.forTable({ columns: ["pt_root_id"], rows: [[root(1)]] });
    expect(decodeLink(unplaced!.url).state).not.toHaveProperty("position");
    expect(calls).toHaveLength(1);
  });

  it("labels a table cut at the row cap as more cells than it holds", () => {
    expect(linkLabel({ shown: 50, total: 10_000, cut: true, flat: true, version: "943", dynamicNote: "x" })).toBe(
      "View the first 50 of 10,000+ cells in Neuroglancer (segmentation v943)",
    );
  });
});
