import { join } from "node:path";
import { DATA_DIR } from "../project-root.js";
import type { QueryPlan, PlannerResult } from "../planning/plan.js";
import type { OfflineReader } from "../planning/reader/reader.js";
import type { Vocabulary } from "../planning/vocabulary/vocabulary.js";
import type { QueryExecutor } from "../querying/executor.js";
import type { NeuroglancerConfig } from "./neuroglancer/links.js";
import type { OffersOptions } from "./offers.js";

/** What a planner may say about its own run, beside the plan: its name, the model's time and tokens, a note. */
export interface PlannerRunInfo {
  planner?: string;
  modelMs?: number;
  tokens?: { input?: number; output?: number };
  note?: string;
}

/** Reads a question into a plan; the offline planner, or an LLM planner that falls back to it. */
export interface Planner {
  readonly name: string;
  plan(question: string, lastPlan?: QueryPlan): Promise<PlannerResult & PlannerRunInfo>;
}

export interface ChatOptions {
  dbPath: string;
  /** Query time limit (default 10 s). */
  timeoutMs?: number;
  rowCap?: number;
  /** Where chart PNGs are written (default ./plots). */
  plotDir?: string;
  /** Query workers (default 2). */
  workers?: number;
  /** An executor already started (its query processes boot while the caller loads the rest). */
  executor?: QueryExecutor;
  /** A planner to use instead of the offline one (e.g. an LLM planner wrapping it). */
  planner?: (offline: OfflineReader, vocabulary: Vocabulary) => Planner;
  vocabularyPath?: string;
  /** Where Neuroglancer links point (default: data/neuroglancer.json, CONNECTOME_CHAT_NEUROGLANCER_URL). */
  neuroglancer?: NeuroglancerConfig;
  /** Next questions and clickable readings: how they are checked, their templates, how long ids last. */
  offers?: OffersOptions;
}

export const DEFAULT_VOCABULARY = join(DATA_DIR, "vocabulary.json");
