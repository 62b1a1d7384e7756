import { openCsv } from "./csv.js";
import { TableReadError, type TableSource } from "./types.js";

/** Opens a table file by its extension: CSV (optionally gzipped), Parquet, or Feather / Arrow IPC. */
export async function openTable(file: string): Promise<TableSource> {
  const name = file.toLowerCase();
  if (/\.(csv|tsv)(\.gz)?$/.test(name)) return openCsv(file);
  if (/\.(parquet|pq)$/.test(name)) {
    const { openParquet } = await import("./parquet.js");
    return openParquet(file);
  }
  if (/\.(feather|arrow|ipc)$/.test(name)) {
    const { openArrow } = await import("./arrow.js");
    return openArrow(file);
  }
  throw new TableReadError(file, "unknown file format (expected .csv, .csv.gz, .parquet, .feather or .arrow)");
}
