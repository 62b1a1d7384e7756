import { writeSample } from "../../sample/index.js";

export async function sampleCommand(opts: {
  out: string;
  cells: number;
  seed: number;
  synapsesPerNeuron: number;
  synapses?: number;
  gzip?: boolean;
  connections?: boolean;
}): Promise<number> {
  const summary = await writeSample({
    out: opts.out,
    cells: opts.cells,
    seed: opts.seed,
    synapsesPerNeuron: opts.synapsesPerNeuron,
    synapses: opts.synapses,
    gzip: Boolean(opts.gzip),
    connections: Boolean(opts.connections),
  });
  process.stdout.write(
    `wrote ${summary.cells.toLocaleString("en-US")} cells and ${summary.synapses.toLocaleString("en-US")} synapses as CAVE exports in ${summary.dir}:\n`,
  );
  for (const f of summary.files) process.stdout.write(`  ${f}\n`);
  return 0;
}
