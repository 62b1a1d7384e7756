import { readStoreInfo } from "../../store/info.js";
import { checkStoreForReading, StoreFileError } from "../../store/store-file.js";
import { CliError } from "../run.js";

export async function infoCommand(opts: { db: string; json?: boolean }): Promise<number> {
  try {
    checkStoreForReading(opts.db);
  } catch (error) {
    if (error instanceof StoreFileError) throw new CliError(error.message, 2);
    throw error;
  }
  const info = readStoreInfo(opts.db);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
    return 0;
  }
  const out = [`store ${info.db} (${(info.bytes / 1e6).toFixed(1)} MB)`];
  out.push(
    `materialization version: ${info.version ?? "not recorded"}; last import ${info.imported_at ?? "never"}; voxels ${info.voxel_resolution_nm?.join(" x ") ?? "?"} nm`,
  );
  out.push("", "tables:");
  for (const [name, t] of Object.entries(info.tables)) {
    const rows = t.rows === null || t.store_table === null ? "not loaded" : `${t.rows.toLocaleString("en-US")} rows`;
    out.push(`  ${name.padEnd(36)} ${rows.padStart(16)}  ${t.imported_at}${t.note ? `  (${t.note})` : ""}`);
  }
  out.push("", "summaries:");
  for (const [name, n] of Object.entries(info.summaries))
    out.push(`  ${name.padEnd(36)} ${n.toLocaleString("en-US").padStart(16)} rows`);
  process.stdout.write(`${out.join("\n")}\n`);
  return 0;
}
