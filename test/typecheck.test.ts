import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("types", () => {
  // vitest strips types without checking them: without this, a test could call the code with
  // arguments it does not take, or options it no longer has, and still pass.
  it("the sources, adapters and tests type-check under the project's strict settings", () => {
    const tsc = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.check.json"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});
