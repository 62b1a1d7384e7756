/** Helpers the benchmarks share: a child process timed with its peak memory, and a plain text table. */
import { spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";

export interface Measured {
  seconds: number;
  peakMb: number;
}

/**
 * Runs a command, sampling its peak resident memory (VmHWM, the kernel's own high-water mark, so a
 * short peak between samples is still seen) from /proc until it exits. Its stderr goes to ours, and
 * also to `log` when given. The importer prints each phase's time and memory (CONNECTOME_CHAT_IMPORT_TIMINGS).
 */
export async function measured(command: string, args: string[], log?: string): Promise<Measured> {
  const started = performance.now();
  const env = { ...process.env, CONNECTOME_CHAT_IMPORT_TIMINGS: "1" };
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], env });
  const file = log ? createWriteStream(log) : undefined;
  child.stderr.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    file?.write(chunk);
  });
  let peakKb = 0;
  const sample = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      // the process has ended
    }
  };
  const timer = setInterval(sample, 50);
  const code: number = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  clearInterval(timer);
  file?.end();
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${code})`);
  return { seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024 };
}

/** Columns padded to their widest cell: the first left-aligned, the others right-aligned. */
export function printTable(rows: (string | number)[][]): void {
  const text = rows.map((r) => r.map(String));
  const widths = text[0]!.map((_, i) => Math.max(...text.map((r) => (r[i] ?? "").length)));
  text.forEach((r, k) => {
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
    if (k === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  });
}

export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
