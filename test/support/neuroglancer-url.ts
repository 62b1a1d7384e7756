/**
 * A Neuroglancer link read back as Neuroglancer reads it: the viewer, then the JSON state from the
 * fragment after "#!". Tests check the state, never the URL's characters.
 */
export interface DecodedLink {
  viewer: string;
  state: {
    dimensions: Record<string, [number, string]>;
    position?: number[];
    crossSectionScale: number;
    projectionScale: number;
    layout: string;
    layers: { type: string; source: string; name: string; segments?: string[] }[];
    selectedLayer?: { layer: string; visible: boolean };
  };
}

export function decodeLink(url: string): DecodedLink {
  const at = url.indexOf("#!");
  if (at < 0) throw new Error(`not a Neuroglancer state URL: ${url.slice(0, 80)}`);
  return { viewer: url.slice(0, at), state: JSON.parse(decodeURIComponent(url.slice(at + 2))) as DecodedLink["state"] };
}

/** The segmentation layer of a decoded state. */
export function segmentationLayer(link: DecodedLink) {
  const layer = link.state.layers.find((l) => l.type === "segmentation");
  if (!layer) throw new Error("the state has no segmentation layer");
  return layer;
}
