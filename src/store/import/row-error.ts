import { TableReadError } from "../readers/types.js";

/** A failed insert, named by file, row and (where SQLite says) column. */
export function rowError(file: string, row: number, columns: { name: string }[], values: unknown[], error: unknown): Error {
  const message = (error as Error).message;
  const column = /column (\w+)\.(\w+)/.exec(message)?.[2] ?? /\.(\w+)$/.exec(message)?.[1];
  if (/UNIQUE constraint failed/.test(message)) {
    return new TableReadError(file, `duplicate ${column ?? "key"} ${String(values[columns.findIndex((c) => c.name === column)] ?? "")}`, row, column);
  }
  if (/cannot store/.test(message) && column) {
    const value = values[columns.findIndex((c) => c.name === column)];
    return new TableReadError(file, `${JSON.stringify(String(value))} does not fit the column's type (${message})`, row, column);
  }
  return new TableReadError(file, message, row, column);
}
