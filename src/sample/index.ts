/**
 * `connectome-chat sample`: a seeded synthetic MICrONS-like dataset, written as the CAVE table
 * exports a user would have (`client.materialize.query_table(name).to_csv(path, index=False)`),
 * with the real tables' names, columns and quirks: 18-digit root ids, root id 0 for nuclei without
 * a segment, nuclei merged onto one root id, synapses from and onto fragments that have no nucleus,
 * cells without a cell-type row, invalid synapse rows; and the functional tables, with like-to-like
 * wiring among the coregistered excitatory cells. The same seed gives byte-identical files.
 *
 * Synapses are generated and written as a stream (1 MB chunks, backpressure respected); only the
 * cells and the current presynaptic root's partners are held in memory.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { areaRows, cellTypeRows, mtypeRows, nucleusRows, proofreadingRows } from "./annotations.js";
import { generateCells } from "./cells.js";
import { fragmentSynapses } from "./fragment-synapses.js";
import { ConnectionSummary } from "./connections.js";
import { coregistrationRows, planCoregistration } from "./coregistration.js";
import { CsvWriter } from "./csv-writer.js";
import { RootIds } from "./ids.js";
import { LikeToLike } from "./like-to-like.js";
import { Random } from "./random.js";
import { cellSegments, generateSynapses } from "./synapses.js";
import { writeSynapseRow } from "./synapse-rows.js";
import { TABLES, type TableKey } from "./tables.js";
import { drawTunings, functionalRows } from "./tuning.js";

export interface SampleOptions {
  /** Folder to write into (created if missing). */
  out: string;
  /** Nuclei (cells of every class, neurons and glia). */
  cells: number;
  seed: number;
  /** Mean output synapses per neuron (default 60); inputs from axon fragments add 45% on top. */
  synapsesPerNeuron?: number;
  /**
   * Synapse rows to write in all (about): when the cells make fewer, axon fragments without a nucleus make
   * the rest (fragment-synapses.ts), the shape of the real table at scale. Unset: the cells' synapses only.
   */
  synapses?: number;
  /** Write name.csv.gz, as the public static exports are shipped. */
  gzip?: boolean;
  /** Also write the release's connection summary view, connections_with_nuclei. */
  connections?: boolean;
  /** Called as rows reach the files, with the rows written so far over all tables. */
  onProgress?: (rowsWritten: number) => void;
}

export interface SampleSummary {
  dir: string;
  /** Paths of the files written, in the order written. */
  files: string[];
  /** Nuclei written (rows of nucleus_detection_v0). */
  cells: number;
  /** Rows of synapses_pni_2, valid = 'f' rows included. */
  synapses: number;
}

export async function writeSample(options: SampleOptions): Promise<SampleSummary> {
  const perNeuron = options.synapsesPerNeuron ?? 60;
  if (!options.out) throw new Error("sample: an output folder is needed");
  if (!Number.isInteger(options.cells) || options.cells < 1)
    throw new Error(`sample: cells must be a whole number of at least 1 (got ${options.cells})`);
  if (!Number.isSafeInteger(options.seed))
    throw new Error(`sample: the seed must be a whole number (got ${options.seed})`);
  if (!Number.isFinite(perNeuron) || perNeuron < 0)
    throw new Error(`sample: synapses per neuron must be 0 or more (got ${perNeuron})`);

  mkdirSync(options.out, { recursive: true });
  const ext = options.gzip ? ".csv.gz" : ".csv";
  const files: string[] = [];
  let rowsWritten = 0;
  const onChunk = (rows: number) => {
    rowsWritten += rows;
    options.onProgress?.(rowsWritten);
  };
  const open = (key: TableKey) => {
    const path = join(options.out, TABLES[key].name + ext);
    files.push(path);
    return new CsvWriter(path, TABLES[key].header, { gzip: options.gzip, onChunk });
  };
  const writeTable = async (key: TableKey, rows: Iterable<string>) => {
    const w = open(key);
    try {
      for (const line of rows) if (w.push(line)) await w.flush();
      await w.close();
    } catch (e) {
      w.destroy();
      throw e;
    }
  };

  const stream = (label: string) => Random.stream(options.seed, label);
  const roots = new RootIds(stream("roots"));
  const { cells } = generateCells(options.cells, stream("cells"), roots);

  await writeTable("nucleus", nucleusRows(cells));
  await writeTable("cellTypes", cellTypeRows(cells));
  await writeTable("mtypes", mtypeRows(cells, stream("mtypes")));
  await writeTable("areas", areaRows(cells, stream("areas")));
  // The functional matches and their tuning come before the synapses, which wire like to like.
  const scanUnits = planCoregistration(cells, stream("coregistration"));
  const tunings = drawTunings(scanUnits, stream("tuning"));
  const likeToLike = new LikeToLike(tunings, stream("like-to-like"));

  // Synapses, and with them the connection summary (a presynaptic root's synapses come together).
  const synapses = open("synapses");
  const connections = options.connections ? open("connections") : undefined;
  const summary = connections ? new ConnectionSummary(connections) : undefined;
  try {
    const model = { synapsesPerNeuron: perNeuron, likeToLike };
    const segments = cellSegments(cells);
    let lastId = 0;
    for (const s of generateSynapses(cells, segments, stream("synapses"), roots, model)) {
      lastId = s.id;
      if (writeSynapseRow(synapses, s)) await synapses.flush();
      if (summary?.add(s)) await connections!.flush();
    }
    const more = (options.synapses ?? 0) - synapses.rows;
    const extra =
      more > 0 ? fragmentSynapses(cells, (c) => segments.get(c.root), stream("fragments"), more, lastId + 1000) : [];
    for (const s of extra) {
      if (writeSynapseRow(synapses, s)) await synapses.flush();
      if (summary?.add(s)) await connections!.flush();
    }
    summary?.finishRoot();
    await synapses.close();
    await connections?.close();
  } catch (e) {
    synapses.destroy();
    connections?.destroy();
    throw e;
  }

  await writeTable("proofreading", proofreadingRows(cells, stream("proofreading"), roots));
  await writeTable("coregistration", coregistrationRows(scanUnits));
  await writeTable("functional", functionalRows(scanUnits, tunings, stream("functional")));

  return { dir: options.out, files, cells: cells.length, synapses: synapses.rows };
}
