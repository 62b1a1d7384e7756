/**
 * With CONNECTOME_CHAT_IMPORT_TIMINGS set, each import phase's wall time goes to stderr (for the
 * benchmark). One clock for the whole import, shared by the importer and the table loader.
 */
let last = performance.now();

/** Starts the clock afresh: the first phase of an import is timed from here. */
export function startPhases(): void {
  last = performance.now();
}

/** Ends a phase: its wall time since the last one, and memory. */
export function phase(what: string): void {
  if (!process.env.CONNECTOME_CHAT_IMPORT_TIMINGS) return;
  const now = performance.now();
  // Resident memory now and at its peak so far (the reading thread included): what grows, and where.
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  const memory = `rss ${mb(process.memoryUsage.rss())} MB, peak ${mb(process.resourceUsage().maxRSS * 1024)} MB`;
  process.stderr.write(`  [import] ${what}: ${((now - last) / 1000).toFixed(1)} s (${memory})\n`);
  last = now;
}
