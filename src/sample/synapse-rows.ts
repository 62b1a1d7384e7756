/** A synapses_pni_2 row, written field by field into the CSV buffer (no strings on the hot path). */
import type { CsvWriter } from "./csv-writer.js";
import type { Synapse } from "./synapses.js";
import { CREATED } from "./tables.js";

const AFTER_ID_VALID = Buffer.from(`,${CREATED.synapses},,t,`, "latin1");
const AFTER_ID_INVALID = Buffer.from(`,${CREATED.synapses},,f,`, "latin1");

/** Writes one row; true when the writer's chunk is full (then `await w.flush()`). */
export function writeSynapseRow(w: CsvWriter, s: Synapse): boolean {
  const pre = s.prePoint;
  const post = s.postPoint;
  const ctr = s.ctr;
  w.int(s.id).bytes(s.valid ? AFTER_ID_VALID : AFTER_ID_INVALID);
  w.ascii(s.preSupervoxel.toString()).comma().bytes(s.pre.digits).comma();
  w.ascii(s.postSupervoxel.toString()).comma().bytes(s.post.digits).comma();
  w.int(s.size).comma();
  w.int(pre.x).comma().int(pre.y).comma().int(pre.z).comma();
  w.int(post.x).comma().int(post.y).comma().int(post.z).comma();
  w.int(ctr.x).comma().int(ctr.y).comma().int(ctr.z);
  return w.endRow();
}
