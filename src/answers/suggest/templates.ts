import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DATA_DIR } from "../../project-root.js";

/**
 * The next-question templates of data/suggestions.json: data a scientist can edit, checked with zod
 * at load so that a typo in the file fails at start, not on some later answer.
 */
const Json: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(Json), z.record(z.string(), Json)]),
);

export const Template = z
  .object({
    /** Phrasings, tried in order: the first that checks out is offered. */
    ask: z.array(z.string().min(1).max(200)).min(1),
    /** A part of the plan the phrasing must be read into (slots filled), so a misreading is never offered. */
    expect: z.record(z.string(), Json).optional(),
  })
  .strict();
export type Template = z.infer<typeof Template>;

export const SuggestionTemplates = z
  .object({ $comment: z.unknown().optional(), shapes: z.record(z.string(), z.array(Template)) })
  .strict();
export type SuggestionTemplates = z.infer<typeof SuggestionTemplates>;

export const DEFAULT_SUGGESTIONS_FILE = join(DATA_DIR, "suggestions.json");

export function loadSuggestionTemplates(file = DEFAULT_SUGGESTIONS_FILE): SuggestionTemplates {
  const parsed = SuggestionTemplates.safeParse(JSON.parse(readFileSync(file, "utf8")));
  const issue = parsed.error?.issues[0];
  if (!parsed.success) throw new Error(`${file}: ${issue?.path.join(".")}: ${issue?.message}`);
  return parsed.data;
}

/** A template string with its {slots} filled; undefined when it names a slot the shape has not. */
export function fill(text: string, slots: Record<string, string>): string | undefined {
  let missing = false;
  const out = text.replace(/\{(\w+)\}/g, (_, name: string) => slots[name] ?? ((missing = true), ""));
  return missing ? undefined : out;
}

/** Every string inside a JSON value with its slots filled (the 'expect' part of a template). */
export function fillDeep(value: unknown, slots: Record<string, string>): unknown {
  if (typeof value === "string") return fill(value, slots) ?? value;
  if (Array.isArray(value)) return value.map((v) => fillDeep(v, slots));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, slots)]));
  }
  return value;
}

/**
 * Whether `actual` holds `expected`: every key of an expected object matches (other keys are free);
 * an expected array matches an array of the same length item by item; anything else is equal.
 */
export function holds(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => holds(actual[i], e));
  }
  if (expected && typeof expected === "object") {
    if (!actual || typeof actual !== "object") return false;
    return Object.entries(expected).every(([k, v]) => holds((actual as Record<string, unknown>)[k], v));
  }
  return actual === expected;
}
