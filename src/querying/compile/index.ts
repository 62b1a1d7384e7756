import type { QueryPlan } from "../../planning/plan.js";
import { compileLookup } from "./lookup.js";
import { compileQuery } from "./query.js";
import { compileSql } from "./sql-plan.js";
import type { CompileContext, CompiledQuery } from "./types.js";

export type { CompileContext, CompiledQuery, Presentation, ChartHint } from "./types.js";
export { MissingDataError, UnknownValueError } from "./types.js";

/** Compiles a validated plan to parameterized SQL over the store, and how to present its result. */
export function compilePlan(ctx: CompileContext, plan: QueryPlan): CompiledQuery {
  switch (plan.kind) {
    case "query":
      return compileQuery(ctx, plan);
    case "lookup":
      return compileLookup(ctx, plan);
    case "sql":
      return compileSql(plan);
  }
}
