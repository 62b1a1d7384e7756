import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectomeChat } from "../src/answers/chat.js";
import { exampleRequests } from "../src/charts/examples.js";
import { renderChart, toSvg } from "../src/charts/render.js";
import { buildSpec } from "../src/charts/spec.js";
import { QueryPlan } from "../src/planning/plan.js";
import { buildTestStore } from "./support/store.js";

/*
 * The charts of the functional half, drawn from plans (the reader's wording is tested elsewhere):
 * like-to-like points with intervals and pair counts, a rose and a histogram of orientations, box
 * plots of gOSI by type, soma maps coloured by area or by orientation on a cyclic scale.
 */
const plotDir = mkdtempSync(join(tmpdir(), "cc-tuning-charts-"));
const labels = async (spec: object) =>
  [...(await toSvg(spec as never)).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
const pngSize = (file: string) => {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

describe("chart kinds for tuning", () => {
  it("draws like-to-like points with the pair counts and the bin edges in degrees", async () => {
    const request = exampleRequests().errorbar;
    const text = await labels(buildSpec(request));
    expect(text).toContain("30,410 / 1,441,200 pairs");
    expect(text).toEqual(expect.arrayContaining(["0°", "22.5°", "45°", "67.5°", "90°", "2.11%"]));
    const { width, height } = pngSize((await renderChart(request, plotDir)).file);
    expect([width, height]).toEqual([1600, 1000]);
  });

  it("draws a rose with each orientation at both ends, labelled 0° to 135°", async () => {
    const spec = buildSpec(exampleRequests().rose);
    const text = await labels(spec);
    expect(text.filter((t) => t === "45°")).toHaveLength(2);
    const { width } = pngSize((await renderChart(exampleRequests().rose, plotDir)).file);
    expect(width).toBeLessThanOrEqual(1600);
  });

  it("colours orientations on a cyclic scale from 0° to 180°", () => {
    const request = { ...exampleRequests().scatter, color: "pref_ori", cyclic: true };
    const spec = buildSpec(request) as { layer: { encoding: { color: { scale: object } } }[] };
    expect(spec.layer[0]!.encoding.color.scale).toEqual({ scheme: "sinebow", domain: [0, 180] });
  });
});

describe("tuning charts from plans on the sample", () => {
  let chat: ConnectomeChat;
  let plan: QueryPlan;
  beforeAll(async () => {
    const { db } = await buildTestStore({ cells: 2000, seed: 7 });
    chat = await ConnectomeChat.open({
      dbPath: db,
      workers: 1,
      plotDir,
      planner: () => ({ name: "stand-in", plan: async () => ({ type: "plan", plan, confidence: 1 }) }),
    });
  }, 120_000);
  afterAll(async () => chat?.close());
  const ask = async (p: object) => {
    plan = QueryPlan.parse({ kind: "query", ...p });
    return chat.answer("plan");
  };
  const tuned = [{ dim: "tuned", is: true }];

  it("shows the sample's like-to-like bias, with intervals that do not overlap", async () => {
    const a = await ask({
      source: "connections",
      pre: tuned,
      post: tuned,
      measure: { fn: "probability" },
      groupBy: [{ dim: "ori_difference", width: 22.5 }],
      chart: "bar",
    });
    expect(a.chart?.kind).toBe("errorbar");
    const t = a.table!;
    const at = (r: number, c: string) => Number(t.rows[r]![t.columns.indexOf(c)]);
    expect(at(0, "ci_low")).toBeGreaterThan(at(3, "ci_high"));
  });

  it("bins preferred orientations over 0–180° for a histogram or a rose", async () => {
    for (const chart of ["histogram", "rose"]) {
      const a = await ask({
        source: "cells",
        filter: tuned,
        measure: { fn: "histogram", of: "pref_ori", bins: 12 },
        chart,
      });
      expect(a.chart?.kind).toBe(chart);
      expect(a.table!.rows[0]!.slice(0, 2)).toEqual([0, 15]);
      expect(a.table!.rows.at(-1)!.slice(0, 2)).toEqual([165, 180]);
    }
  });

  it("draws gOSI by type on a linear axis titled gOSI", async () => {
    const a = await ask({
      source: "cells",
      filter: tuned,
      measure: { fn: "quartiles", of: "osi" },
      groupBy: [{ dim: "cell_type" }],
      chart: "box",
    });
    expect(a.chart?.kind).toBe("box");
    expect(JSON.stringify(a.chart!.spec)).not.toMatch(/"type":"log"/);
    expect(a.text).toMatch(/^Quartiles of gOSI/);
  });

  it("maps somata coloured by area, and by preferred orientation on the cyclic scale", async () => {
    const byArea = await ask({
      source: "cells",
      filter: [{ dim: "class", values: ["neuron"] }],
      measure: { fn: "list" },
      groupBy: [{ dim: "area" }],
      chart: "scatter",
    });
    expect(byArea.chart?.kind).toBe("scatter");
    expect(byArea.table!.columns).toContain("area");
    const byOri = await ask({
      source: "cells",
      filter: tuned,
      measure: { fn: "list" },
      groupBy: [{ dim: "pref_ori" }],
      chart: "scatter",
    });
    expect(JSON.stringify(byOri.chart!.spec)).toContain("sinebow");
  });
});
