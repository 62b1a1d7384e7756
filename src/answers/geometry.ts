import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DATA_DIR } from "../project-root.js";

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

export const GEOMETRY_FILE = join(DATA_DIR, "cortex_geometry.json");

export function loadGeometry(path: string = GEOMETRY_FILE): Geometry | undefined {
  if (!existsSync(path)) return undefined;
  const g = GeometryFile.parse(JSON.parse(readFileSync(path, "utf8")));
  return { piaYum: g.pia_y_um, voxelNm: g.voxel_resolution_nm, layers: g.layers };
}
