import { CliError } from "../run.js";
import { importTables } from "../../store/import/importer.js";
import type { ImportProgress } from "../../store/import/types.js";

export async function importCommand(
  paths: string[],
  opts: { db: string; version?: number; table: string[] },
): Promise<number> {
  if (paths.length === 0 && opts.table.length === 0) {
    throw new CliError(
      "nothing to import: give the folders or files of the exported tables, or map a file with --table ROLE=FILE",
    );
  }
  const progress = process.stderr.isTTY ? await progressBar() : undefined;
  const result = await importTables({
    paths,
    db: opts.db,
    tables: opts.table,
    version: opts.version,
    onProgress: progress?.update,
  }).finally(() => progress?.stop());

  for (const t of result.tables) {
    const rows = t.storeTable ? `${t.rows.toLocaleString("en-US")} rows` : "skipped";
    const invalid = t.invalidRows ? `, ${t.invalidRows.toLocaleString("en-US")} invalid rows left out` : "";
    process.stdout.write(`${t.caveTable.padEnd(36)} ${rows}${invalid}${t.note ? ` (${t.note})` : ""}\n`);
  }
  for (const file of result.unknownFiles) {
    process.stdout.write(`not imported (unknown table; map it with --table ROLE=FILE): ${file}\n`);
  }
  process.stdout.write(`imported into ${result.db} in ${result.seconds.toFixed(1)} s\n`);
  return 0;
}

/** A terminal progress bar with rows/s; cli-progress is loaded only when stderr is a terminal. */
async function progressBar(): Promise<{ update: (p: ImportProgress) => void; stop: () => void }> {
  const { default: cliProgress } = await import("cli-progress");
  const bar = new cliProgress.SingleBar(
    {
      format: "{table} |{bar}| {percentage}% | {rows} rows | {speed} rows/s | {phase}",
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let table = "";
  let started = performance.now();
  let running = false;
  return {
    update(p) {
      if (p.table !== table) {
        table = p.table;
        started = performance.now();
        if (running) bar.stop();
        bar.start(Math.max(1, p.totalBytes), 0, { table: p.table.padEnd(34), rows: 0, speed: 0, phase: p.phase });
        running = true;
      }
      const seconds = (performance.now() - started) / 1000;
      bar.setTotal(Math.max(1, p.totalBytes));
      bar.update(p.bytesRead, {
        rows: p.rows.toLocaleString("en-US"),
        speed: seconds > 0 ? Math.round(p.rows / seconds).toLocaleString("en-US") : "-",
        phase: p.phase === "rows" ? "reading" : p.phase === "indexes" ? "building indexes" : "building summaries",
      });
    },
    stop() {
      if (running) bar.stop();
    },
  };
}
