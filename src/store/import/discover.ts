import { readdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { Role } from "../table-spec.js";
import { ROLE_ALIASES, TABLES, tableSpec } from "../tables.js";

/** What to import: one role, and the file(s) holding it (sharded exports are read in name order). */
export interface ImportItem {
  role: Role;
  /** The CAVE table name as the files call it (e.g. aibs_metamodel_celltypes_v661), for info and messages. */
  caveName: string;
  files: string[];
}

export interface Discovery {
  items: ImportItem[];
  /** Files that look like tables but match no known role: reported, not silently dropped. */
  unknown: string[];
}

const TABLE_FILE = /\.(csv|csv\.gz|tsv|parquet|pq|feather|arrow|ipc)$/i;

/** The file name without folder, format extensions and export suffixes: the table's own name. */
export function tableStem(file: string): string {
  return basename(file)
    .replace(TABLE_FILE, "")
    .replace(/(_merged|_filtered_view|_v\d+_filtered_view)$/i, "")
    .replace(/(_part|[-_]shard)[-_]?\d+$/i, "")
    .replace(/[-_]\d{5,}-of-\d{5,}$/i, "")
    .toLowerCase();
}

export function roleOfFile(file: string): Role | undefined {
  const stem = tableStem(file);
  for (const spec of TABLES) if (spec.fileNames.some((re) => re.test(stem))) return spec.role;
  return undefined;
}

export function parseRole(name: string): Role {
  const role = ROLE_ALIASES[name.trim().toLowerCase()];
  if (!role) {
    throw new Error(`unknown table role "${name}"; roles are: ${[...new Set(Object.values(ROLE_ALIASES))].join(", ")}`);
  }
  return role;
}

/**
 * Resolves the import's PATH arguments (folders or files) and `--table ROLE=FILE` mappings into
 * import items, one per role. Two different tables for one role (say two cell-type tables) is an
 * error: the person must say which with --table.
 */
export async function discover(paths: string[], mappings: string[]): Promise<Discovery> {
  const byRole = new Map<Role, ImportItem>();
  const unknown: string[] = [];
  const add = (role: Role, file: string, name = tableStem(file)) => {
    const existing = byRole.get(role);
    if (existing) {
      if (existing.caveName !== name) {
        throw new Error(
          `two tables for the ${role} role: ${existing.files[0]} and ${file}; import one, or map it with --table ${role}=FILE`,
        );
      }
      existing.files.push(file);
    } else {
      byRole.set(role, { role, caveName: name, files: [file] });
    }
  };

  for (const mapping of mappings) {
    const eq = mapping.indexOf("=");
    if (eq <= 0) throw new Error(`--table expects ROLE=FILE, got "${mapping}"`);
    const role = parseRole(mapping.slice(0, eq));
    const file = resolve(mapping.slice(eq + 1));
    await mustBeFile(file);
    add(role, file, mappedTableName(role, file));
  }
  const mapped = new Set([...byRole.values()].flatMap((i) => i.files));

  for (const path of paths) {
    const abs = resolve(path);
    let info;
    try {
      info = await stat(abs);
    } catch {
      throw new Error(`${abs}: no such file or folder`);
    }
    const files = info.isDirectory()
      ? (await readdir(abs))
          .filter((f) => TABLE_FILE.test(f))
          .sort()
          .map((f) => join(abs, f))
      : [abs];
    for (const file of files) {
      if (mapped.has(file)) continue;
      const role = roleOfFile(file);
      if (role) add(role, file);
      else unknown.push(file);
    }
  }
  for (const item of byRole.values()) item.files.sort();
  return { items: [...byRole.values()], unknown };
}

/**
 * The CAVE table a file mapped with --table holds. A file named like one of the role's tables keeps
 * its name, and so does any cell-type or m-type table (any table of that shape is one, and its name
 * says which classification it is). Otherwise the name is the file's, not a table's ("syn_2024"):
 * the role's own CAVE table stands in, so `info` shows synapses_pni_2.
 */
function mappedTableName(role: Role, file: string): string {
  const stem = tableStem(file);
  if (roleOfFile(file) === role || role === "cell_types" || role === "mtypes") return stem;
  return tableSpec(role).caveName;
}

async function mustBeFile(file: string): Promise<void> {
  try {
    if ((await stat(file)).isFile()) return;
  } catch {
    // fall through
  }
  throw new Error(`${file}: no such file`);
}
