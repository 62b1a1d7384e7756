import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleRequests } from "../src/charts/examples.js";
import { renderChart, toSvg, type ChartRequest } from "../src/charts/render.js";
import { buildSpec } from "../src/charts/spec.js";

/** How bar charts lay out: the picture's size and the words on its count axis. */

const plotDir = mkdtempSync(join(tmpdir(), "cc-chart-layout-"));

function bars(n: number, value: (i: number) => number): ChartRequest {
  const request = exampleRequests().bar;
  return {
    ...request,
    table: { ...request.table, rows: Array.from({ length: n }, (_, i) => [`type-${i}`, value(i)]) },
  };
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The text of the SVG's <text> elements, in order. */
async function labels(request: ChartRequest): Promise<string[]> {
  const svg = await toSvg(buildSpec(request));
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

describe("bar chart layout", () => {
  it("keeps a picture of a few bars within 800x500 at twice the pixel density", async () => {
    for (const n of [3, 11, 20]) {
      const { width, height } = pngSize(
        (
          await renderChart(
            bars(n, (i) => 1000 - i),
            plotDir,
          )
        ).file,
      );
      expect(width, `${n} bars`).toBe(1600);
      expect(height, `${n} bars`).toBeLessThanOrEqual(1000);
    }
  });

  it("makes a picture of many bars taller, so that each bar keeps room for its label", async () => {
    const { height } = pngSize(
      (
        await renderChart(
          bars(40, (i) => 1000 - i),
          plotDir,
        )
      ).file,
    );
    expect(height).toBeGreaterThanOrEqual(2 * 40 * 15);
  });

  it("labels a count axis in whole numbers with thousands separators, not SI prefixes", async () => {
    const text = await labels(bars(5, (i) => 17_000 - 3_000 * i));
    expect(text).toContain("0");
    expect(text).toContain("10,000");
    expect(text.some((t) => /^\d+(\.\d+)?k$/.test(t))).toBe(false);
  });

  it("labels fractions as fractions rather than rounding them to whole numbers", async () => {
    const text = await labels(bars(4, (i) => 0.4 - 0.1 * i));
    expect(text).toContain("0.2");
  });

  it("labels a fraction column as percentages", async () => {
    const request = bars(3, (i) => [0.25, 0.1, 0.005][i]!);
    const fractions: ChartRequest = {
      ...request,
      y: "fraction",
      table: { columns: [request.table.columns[0]!, "fraction"], rows: request.table.rows },
    };
    const text = await labels(fractions);
    expect(text).toEqual(expect.arrayContaining(["25.0%", "10.0%", "0.5%", "20%"]));
  });

  it("uses SI prefixes from a million up, where the digits would crowd the axis", async () => {
    const text = await labels(bars(4, (i) => 5_000_000 - 1_000_000 * i));
    expect(text).toContain("2M");
  });
});
