import type { StoreCatalog } from "../../querying/catalog.js";
import type { QueryExecutor } from "../../querying/executor.js";
import type { AnswerLink, AnswerTable } from "../answer.js";
import { rootsInTable } from "./cell-roots.js";
import { segmentationFor, type NeuroglancerConfig } from "./config.js";
import { firstSoma, somaStatement, type Position } from "./soma.js";
import { viewerState, viewerUrl } from "./state.js";

export { loadNeuroglancerConfig, type NeuroglancerConfig } from "./config.js";

/**
 * The Neuroglancer link for the cells an answer's table names: at most `max_segments` of them
 * (the first rows, the strongest in ranked answers), opened at the first one's soma, on the
 * segmentation of the store's version.
 */
export class NeuroglancerLinks {
  constructor(
    private readonly config: NeuroglancerConfig,
    /** The store's version and tables; positions are read through the read-only executor. */
    private readonly store: Pick<StoreCatalog, "materializationVersion" | "tables">,
    private readonly executor: Pick<QueryExecutor, "run">,
  ) {}

  async forTable(table: AnswerTable | undefined): Promise<AnswerLink[]> {
    const { roots, cut } = rootsInTable(table);
    if (roots.length === 0) return [];
    const segments = roots.slice(0, this.config.max_segments);
    const segmentation = segmentationFor(this.config, this.store.materializationVersion);
    const position = await this.position(segments);
    const state = viewerState({ config: this.config, segmentation: segmentation.source, segments, position });
    const label = linkLabel({
      shown: segments.length,
      total: roots.length,
      cut,
      flat: segmentation.flat,
      version: this.store.materializationVersion,
      dynamicNote: this.config.segmentation.dynamic_note,
    });
    return [{ label, url: viewerUrl(this.config.viewer, state) }];
  }

  /** A link without a position still opens; a failed look-up must never cost the answer. */
  private async position(segments: string[]): Promise<Position | undefined> {
    const statement = somaStatement(segments, this.store.tables);
    if (!statement) return undefined;
    try {
      const { results } = await this.executor.run([statement]);
      return firstSoma(segments, results[0]);
    } catch {
      return undefined;
    }
  }
}

export interface LabelFacts {
  shown: number;
  total: number;
  /** The table was cut at the row cap: more cells than `total` were named. */
  cut: boolean;
  flat: boolean;
  version: string | null;
  dynamicNote: string;
}

/** "The 5 cells in Neuroglancer (segmentation v1300)"; a subset and a dynamic source say so. */
export function linkLabel(facts: LabelFacts): string {
  const n = (k: number) => k.toLocaleString("en-US");
  const total = `${n(facts.total)}${facts.cut ? "+" : ""}`;
  const cells =
    facts.shown < facts.total || facts.cut
      ? `the first ${n(facts.shown)} of ${total} cells`
      : facts.total === 1
        ? "the cell"
        : `the ${total} cells`;
  const why =
    facts.version === null ? "the store's version is not recorded" : `no flat segmentation of v${facts.version}`;
  const source = facts.flat ? `segmentation v${facts.version}` : `${facts.dynamicNote}; ${why}`;
  return `View ${cells} in Neuroglancer (${source})`;
}
