import type { QueryPlan } from "../../planning/plan.js";
import { compileCoregistration, compileProofreading } from "./annotations.js";
import { compileCells } from "./cells.js";
import { compileDistribution, compilePositions, compileSql } from "./distribution.js";
import { compileLookup, compilePair } from "./lookup.js";
import { compileSynapses } from "./synapses.js";
import type { CompileContext, CompiledQuery } from "./types.js";

export type { CompileContext, CompiledQuery, Presentation, ChartHint } from "./types.js";
export { MissingDataError, UnknownValueError } from "./types.js";

/** Compiles a validated plan to parameterized SQL over the store, and how to present its result. */
export function compilePlan(ctx: CompileContext, plan: QueryPlan): CompiledQuery {
  switch (plan.kind) {
    case "synapses": return compileSynapses(ctx, plan);
    case "cells": return compileCells(ctx, plan);
    case "lookup": return compileLookup(ctx, plan);
    case "pair": return compilePair(ctx, plan);
    case "proofreading": return compileProofreading(ctx, plan);
    case "coregistration": return compileCoregistration(ctx, plan);
    case "distribution": return compileDistribution(ctx, plan);
    case "positions": return compilePositions(ctx, plan);
    case "sql": return compileSql(plan);
  }
}
