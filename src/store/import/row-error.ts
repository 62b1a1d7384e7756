import { TableReadError } from "../readers/types.js";

/** A failed insert, named by file, row and (where SQLite says) column. */
export function rowError(
  file: string,
  row: number,
  columns: { name: string }[],
  values: unknown[],
  error: unknown,
): Error {
  const message = (error as Error).message;
  const column = /column (\w+)\.(\w+)/.exec(message)?.[2] ?? /\.(\w+)$/.exec(message)?.[1];
  const value = values[columns.findIndex((c) => c.name === column)];
  if (/UNIQUE constraint failed/.test(message)) {
    return new TableReadError(file, `duplicate ${column ?? "key"} ${String(value ?? "")}`, row, column);
  }
  if (/cannot store/.test(message) && column) {
    const text = JSON.stringify(String(value));
    return new TableReadError(file, `${text} does not fit the column's type (${message})`, row, column);
  }
  return new TableReadError(file, message, row, column);
}
