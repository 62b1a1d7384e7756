/**
 * connections_with_nuclei, the release's connection summary view: one row per (pre, post) root
 * pair of valid synapses with their count and summed size, and each side's nucleus id when that
 * root has exactly one nucleus. The synapse generator emits every presynaptic root's synapses
 * together, so only the current root's partners are held: memory stays flat at any size.
 */
import type { CsvWriter } from "./csv-writer.js";
import type { Segment, Synapse } from "./synapses.js";

export class ConnectionSummary {
  private pre: Segment | undefined;
  private readonly partners = new Map<Segment, { n: number; size: number }>();

  constructor(private readonly out: CsvWriter) {}

  /** Counts one synapse. True when the writer's chunk is full: then `await out.flush()`. */
  add(s: Synapse): boolean {
    const full = s.pre !== this.pre && this.finishRoot();
    this.pre = s.pre;
    if (!s.valid) return full;
    const e = this.partners.get(s.post);
    if (e) {
      e.n++;
      e.size += s.size;
    } else {
      this.partners.set(s.post, { n: 1, size: s.size });
    }
    return full;
  }

  /** Writes the current presynaptic root's rows, partners in root id order. True when a chunk is full. */
  finishRoot(): boolean {
    const pre = this.pre;
    if (!pre || this.partners.size === 0) return false;
    const posts = [...this.partners.keys()].sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
    let full = false;
    for (const post of posts) {
      const e = this.partners.get(post)!;
      const w = this.out.bytes(pre.digits).comma().bytes(post.digits).comma().int(e.n).comma().int(e.size).comma();
      if (pre.cells.length === 1) w.int(pre.cells[0]!.nucleusId);
      w.comma();
      if (post.cells.length === 1) w.int(post.cells[0]!.nucleusId);
      full = w.endRow() || full;
    }
    this.partners.clear();
    return full;
  }
}
