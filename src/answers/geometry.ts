import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";

/**
 * Cortical geometry for soma depth, from data/cortex_geometry.json: depth (µm below pia) =
 * y voxel × y resolution (nm) / 1000 − the pia's y in µm. Layer boundaries are for depth plots.
 */
const GeometryFile = z
  .object({
    voxel_resolution_nm: z.array(z.number()).length(3),
    pia_y_um: z.number(),
    layers: z.array(z.object({ name: z.string(), top_um: z.number(), bottom_um: z.number() })),
  })
  .passthrough();

export interface Geometry {
  piaYum: number;
  voxelNm: readonly number[];
  layers: { name: string; top_um: number; bottom_um: number }[];
}

export const GEOMETRY_FILE = new URL("../../../data/cortex_geometry.json", import.meta.url);

export function loadGeometry(path: string = new URL(GEOMETRY_FILE).pathname): Geometry | undefined {
  if (!existsSync(path)) return undefined;
  const g = GeometryFile.parse(JSON.parse(readFileSync(path, "utf8")));
  return { piaYum: g.pia_y_um, voxelNm: g.voxel_resolution_nm, layers: g.layers };
}
