import { unitWord } from "../../planning/describe.js";
import type { LookupPlan } from "../../planning/plan.js";
import type { TableCell } from "../../answers/answer.js";

/**
 * A soma position as asked: the tables hold it in voxels (4x4x40 nm); "where is its soma in nm" or "in µm"
 * gives it in that unit too, from the voxel size of data/cortex_geometry.json.
 */
type Unit = LookupPlan["positionUnit"];

/** x, y, z in nm or µm, or undefined when no unit was asked or the position or voxel size is unknown. */
function scaledXyz(voxels: TableCell[], unit: Unit, voxelNm: readonly number[] | undefined): number[] | undefined {
  if (!unit || !voxelNm || voxels.some((v) => typeof v !== "number")) return undefined;
  const per = unit === "nm" ? 1 : 1000;
  return voxels.map((v, i) => Math.round((((v as number) * voxelNm[i]!) / per) * 1000) / 1000);
}

/** The position in words: in voxels, or in nm or µm with the voxel after. */
export function positionText(voxels: TableCell[], unit: Unit, voxelNm: readonly number[] | undefined): string {
  const scaled = scaledXyz(voxels, unit, voxelNm);
  const inVoxels = `[${voxels.join(" ")}]`;
  if (!scaled || !unit) return `${inVoxels} (4x4x40 nm voxels)`;
  return `[${scaled.join(" ")}] ${unitWord(unit)} (voxel ${inVoxels})`;
}

/** Columns of the position in the unit asked ("x_nm", …), none when no unit was asked. */
export function positionColumns(voxels: TableCell[], unit: Unit, voxelNm: readonly number[] | undefined) {
  const scaled = scaledXyz(voxels, unit, voxelNm);
  return scaled && unit ? { [`x_${unit}`]: scaled[0]!, [`y_${unit}`]: scaled[1]!, [`z_${unit}`]: scaled[2]! } : {};
}
