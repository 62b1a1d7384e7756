import { VOXEL_RESOLUTION_NM } from "../../store/schema.js";
import type { NeuroglancerConfig } from "./config.js";

/**
 * A Neuroglancer viewer state and its URL: `<viewer>#!` followed by the percent-encoded JSON
 * state, which Neuroglancer reads back from the URL's fragment. The shape is Neuroglancer's own
 * (docs/json_schema/viewer_state.yml in google/neuroglancer), as nglui writes it for MICrONS.
 */
export interface ViewerStateRequest {
  config: NeuroglancerConfig;
  /** The segmentation source matching the store's version. */
  segmentation: string;
  /** Root ids as digit strings: Neuroglancer reads 64-bit ids from strings exactly. */
  segments: string[];
  /** Where to look, in the store's voxels; Neuroglancer picks a default place when absent. */
  position?: [number, number, number];
}

export function viewerState(request: ViewerStateRequest): Record<string, unknown> {
  const { config } = request;
  // The store keeps positions in its voxels, so the state's dimensions are those voxels, in metres.
  const [x, y, z] = VOXEL_RESOLUTION_NM.map((nm) => [nm / 1e9, "m"] as const);
  return {
    dimensions: { x, y, z },
    ...(request.position ? { position: request.position } : {}),
    crossSectionScale: config.view.cross_section_scale,
    projectionScale: config.view.projection_scale,
    layout: config.view.layout,
    layers: [
      { type: "image", source: config.image.source, name: config.image.name },
      {
        type: "segmentation",
        source: request.segmentation,
        name: config.segmentation.name,
        segments: request.segments,
      },
    ],
    // The segment list opens in the side panel, so the cells are listed beside the view.
    selectedLayer: { layer: config.segmentation.name, visible: true },
  };
}

/** The viewer's address with the state in its fragment (any fragment the viewer URL had is replaced). */
export function viewerUrl(viewer: string, state: Record<string, unknown>): string {
  const base = new URL(viewer);
  base.hash = "";
  return `${base.toString()}#!${encodeURIComponent(JSON.stringify(state))}`;
}
