import type { ChartKind } from "../answers/answer.js";
import type { ChartRequest } from "./request.js";
import {
  CORTICAL_ORDER,
  EXAMPLE_LAYERS,
  cellTypeCounts,
  likeToLikeTable,
  orientationHistogram,
  somaDepthHistogram,
  somaPositions,
  synapseSizeHistogram,
  synapseSizeStats,
  typeConnectivity,
} from "./example-tables.js";

/**
 * One realistic request per chart kind, over the tables of example-tables.ts. Used by the chart tests,
 * the chart benchmark and for looking at the charts; deterministic, no randomness.
 */

/** The example request for each kind. */
export function exampleRequests(): Record<ChartKind, ChartRequest> {
  const sizes = synapseSizeHistogram();
  const total = sizes.rows.reduce((s, r) => s + Number(r[2]), 0);
  return {
    histogram: {
      kind: "histogram",
      title: `Synapse size distribution (all ${total.toLocaleString("en-US")} valid synapses)`,
      table: sizes,
      x: "bin_start",
      x2: "bin_end",
      y: "count",
      xTitle: "synapse size (voxels)",
      yTitle: "synapses",
      logX: true,
    },
    bar: {
      kind: "bar",
      title: "Neurons per cell type (aibs_metamodel_celltypes_v661)",
      table: cellTypeCounts(),
      x: "cell_type",
      y: "neurons",
      xTitle: "cell type",
      yTitle: "neurons",
    },
    heatmap: {
      kind: "heatmap",
      title: "Synapses between cell types (presynaptic rows, postsynaptic columns)",
      table: typeConnectivity(),
      x: "post_cell_type",
      y: "pre_cell_type",
      color: "synapses",
      xTitle: "postsynaptic cell type",
      yTitle: "presynaptic cell type",
    },
    scatter: {
      kind: "scatter",
      title: "Soma positions of 1,500 neurons, coloured by cell type",
      table: somaPositions(),
      x: "x_um",
      y: "depth_um",
      color: "cell_type",
      colorOrder: [...CORTICAL_ORDER],
      xTitle: "x (µm)",
      yTitle: "depth below pia (µm)",
      layers: EXAMPLE_LAYERS,
    },
    box: {
      kind: "box",
      title: "Synapse size by postsynaptic cell type",
      table: synapseSizeStats(),
      x: "cell_type",
      y: "median",
      xTitle: "postsynaptic cell type",
      yTitle: "synapse size (voxels)",
    },
    errorbar: {
      kind: "errorbar",
      title: "Connection probability among functionally matched neurons, by difference in preferred orientation",
      table: likeToLikeTable(),
      x: "ori_difference",
      x2: "bin_end",
      y: "connection_probability",
      low: "ci_low",
      high: "ci_high",
      label: "connected_pairs",
      total: "possible_pairs",
      xTitle: "difference in preferred orientation (°)",
      yTitle: "connection probability",
    },
    rose: {
      kind: "rose",
      title: "Preferred orientations of 2,400 functionally matched neurons",
      table: orientationHistogram(),
      x: "bin_start",
      x2: "bin_end",
      y: "count",
      yTitle: "neurons",
    },
  };
}

/** A soma-depth histogram with layer boundaries (a second histogram shape: linear bins, layers). */
export function depthHistogramRequest(): ChartRequest {
  return {
    kind: "histogram",
    title: "Soma depth of all cells",
    table: somaDepthHistogram(),
    x: "bin_start",
    x2: "bin_end",
    y: "count",
    xTitle: "soma depth (µm below pia)",
    yTitle: "cells",
    layers: EXAMPLE_LAYERS,
  };
}
