/** Messages between the query executor and its worker threads. */
export type WorkerCell = string | number | null;
export type SqlParam = string | number | bigint | null;

export interface StatementRequest {
  sql: string;
  params: SqlParam[];
  rowCap: number;
}

export interface QueryRequest {
  id: number;
  statements: StatementRequest[];
}

export interface StatementResult {
  columns: string[];
  rows: WorkerCell[][];
  /** True when the row cap cut the result. */
  truncated: boolean;
}

export type QueryResponse =
  | { id: number; ok: true; results: StatementResult[]; ms: number }
  | { id: number; ok: false; error: string; ms: number };
