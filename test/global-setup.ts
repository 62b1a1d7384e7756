import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Every test's temporary files (samples, stores, plots: ~400 MB a run) go in one folder, removed
 * when the run ends, so that running the tests again and again does not fill the disk. Test
 * files and the command lines they start inherit TMPDIR. CONNECTOME_CHAT_KEEP_TEST_FILES=1 keeps it.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "cc-tests-"));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (process.env.CONNECTOME_CHAT_KEEP_TEST_FILES) console.error(`test files kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
