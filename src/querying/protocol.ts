/** Messages between the query executor and its query processes. */
export type WorkerCell = string | number | null;
export type SqlParam = string | number | bigint | null;

export interface StatementRequest {
  sql: string;
  params: SqlParam[];
  rowCap: number;
  /** A query typed by a person (`sql`): one statement that returns rows, or it is refused. */
  queryOnly?: boolean;
  /** Also write every row (not only the first rowCap) to this new file, as CSV. */
  csvFile?: string;
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
  /** Rows written to the request's csvFile: every row of the result. */
  csvRows?: number;
}

export type QueryResponse =
  | { id: number; ok: true; results: StatementResult[]; ms: number }
  | { id: number; ok: false; error: string; ms: number; refused?: boolean };
