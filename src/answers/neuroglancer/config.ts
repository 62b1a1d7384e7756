import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DATA_DIR } from "../../project-root.js";

/**
 * Where Neuroglancer links point, from data/neuroglancer.json (checked here, so a bad edit is one
 * clear message at start, never a broken link later), with the viewer overridable in settings.
 */
const Source = z.string().regex(/^[a-z0-9+]+:\/\/\S+$/, "must be a Neuroglancer source such as precomputed://…");
const HttpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

const NeuroglancerFile = z.object({
  viewer: HttpUrl,
  image: z.object({ name: z.string().min(1), source: Source }),
  segmentation: z.object({
    name: z.string().min(1),
    flat: z.record(z.string().regex(/^\d+$/, "flat segmentations are keyed by materialization version"), Source),
    dynamic: Source,
    dynamic_note: z.string().min(1),
  }),
  view: z.object({
    cross_section_scale: z.number().positive(),
    projection_scale: z.number().positive(),
    layout: z.string().min(1),
  }),
  max_segments: z.number().int().positive(),
});

const NeuroglancerEnv = z.object({
  CONNECTOME_CHAT_NEUROGLANCER_URL: HttpUrl.optional(),
});

export type NeuroglancerConfig = z.infer<typeof NeuroglancerFile>;

export const NEUROGLANCER_FILE = join(DATA_DIR, "neuroglancer.json");

/** The checked file, with CONNECTOME_CHAT_NEUROGLANCER_URL (when set) as the viewer. */
export function loadNeuroglancerConfig(options: { file?: string; env?: NodeJS.ProcessEnv } = {}): NeuroglancerConfig {
  const file = options.file ?? NEUROGLANCER_FILE;
  const parsed = NeuroglancerFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${describe(parsed.error)}`);
  // An empty variable counts as unset, as for every other setting.
  const viewer = options.env?.CONNECTOME_CHAT_NEUROGLANCER_URL?.trim() || undefined;
  const env = NeuroglancerEnv.safeParse({ CONNECTOME_CHAT_NEUROGLANCER_URL: viewer });
  if (!env.success) throw new Error(`${describe(env.error)} (the Neuroglancer viewer that links open)`);
  return { ...parsed.data, viewer: env.data.CONNECTOME_CHAT_NEUROGLANCER_URL ?? parsed.data.viewer };
}

export interface SegmentationChoice {
  source: string;
  /** True for a flat segmentation of the store's own version; false for the dynamic one. */
  flat: boolean;
}

/**
 * The segmentation whose root ids are the store's: the flat one of its materialization version,
 * else the dynamic one (which needs a login, and may show a root as it is now rather than then).
 */
export function segmentationFor(config: NeuroglancerConfig, version: string | null): SegmentationChoice {
  const flat = version === null ? undefined : config.segmentation.flat[version.trim()];
  return flat ? { source: flat, flat: true } : { source: config.segmentation.dynamic, flat: false };
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? `${i.path.join(".")} ` : ""}${i.message}`).join("; ");
}
