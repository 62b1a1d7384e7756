import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { encodePng } from "../src/charts/png.js";

/** Decodes a PNG by drawing it, pixel for pixel, in an SVG rendered by resvg (an independent decoder). */
function decode(png: Buffer, width: number, height: number): Buffer {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}">` +
    `<image width="${width}" height="${height}" image-rendering="optimizeSpeed" xlink:href="data:image/png;base64,${png.toString("base64")}"/></svg>`;
  return new Resvg(svg).render().pixels;
}

describe("PNG encoding", () => {
  it("writes a PNG whose pixels decode back exactly", () => {
    const width = 7,
      height = 5;
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) rgba.set([(i * 37) % 256, (i * 91) % 256, (i * 13) % 256, 255], i * 4);
    const png = encodePng(rgba, width, height);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(width);
    expect(png.readUInt32BE(20)).toBe(height);
    expect([...decode(png, width, height)]).toEqual([...rgba]);
  });

  it("refuses pixels that do not match the size", () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow(/not 2 x 2 RGBA/);
  });
});
