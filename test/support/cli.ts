import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { CLI } from "./store.js";

/** Runs the built CLI to its end, as a person at a terminal would. */
export function cli(args: string[], options: { input?: string; cwd?: string; uid?: number; gid?: number } = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", timeout: 120_000, ...options });
}

/** The same, without blocking this process (for runs that overlap, or that talk to a server here). */
export function cliAsync(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { ...options, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  const done = new Promise<{ status: number | null; stdout: string; stderr: string; ms: number }>((resolve) => {
    const started = performance.now();
    child.once("exit", (status) => resolve({ status, stdout, stderr, ms: performance.now() - started }));
  });
  return { child, done };
}

/** A failure told in one plain line on stderr: no stack trace, no Node banner. */
export function expectPlainFailure(run: SpawnSyncReturns<string>, message: RegExp): void {
  expect(run.status, `stdout: ${run.stdout}\nstderr: ${run.stderr}`).not.toBe(0);
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trim().split("\n"), run.stderr).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at |Node\.js v|SqliteError/);
}

export const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
