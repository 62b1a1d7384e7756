import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectomeChat } from "../src/answers/chat.js";
import { importTables } from "../src/store/import/importer.js";
import { cli, cliAsync } from "./support/cli.js";

/**
 * An import into the store a bot is serving (issue 15, item 2): the bot's core keeps answering
 * from the old store while the import runs (the real CLI, in its own process), and answers from
 * the new one, with its new tables, once it is swapped in.
 */
const BC = "How many basket cells are there?";
const MTYPES = "How many cells of each m-type are there?";

let work: string;
let db: string;
let newExport: string;
let chat: ConnectomeChat;

const count = async (question: string) => {
  const answer = await chat.answer(question);
  return { status: answer.status, text: answer.text, value: answer.table?.rows[0]?.[0] };
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "cc-swap-"));
  const oldExport = join(work, "old");
  expect(cli(["sample", "--out", oldExport, "--cells", "1500", "--seed", "21"]).status).toBe(0);
  rmSync(join(oldExport, "aibs_metamodel_mtypes_v661_v2.csv"));
  db = join(work, "store.db");
  await importTables({ paths: [oldExport], db });
  // Large enough that the import takes seconds and its writes pass SQLite's page cache.
  newExport = join(work, "new");
  expect(cli(["sample", "--out", newExport, "--cells", "8000", "--seed", "5"]).status).toBe(0);
  chat = await ConnectomeChat.open({ dbPath: db, plotDir: join(work, "plots"), workers: 2 });
});

afterAll(async () => {
  await chat?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("a bot serving a store while an import replaces it", () => {
  it("answers from the old store during the import, then from the new one, with its new tables", async () => {
    const before = await count(BC);
    expect(before.status).toBe("answered");
    expect((await count(MTYPES)).text).toMatch(/not in this store/);

    const run = cliAsync(["import", newExport, "--db", db]);
    let finished = false;
    const result = run.done.then((r) => ((finished = true), r));
    const during: Awaited<ReturnType<typeof count>>[] = [];
    while (!finished) {
      during.push(await count(BC));
      await new Promise((r) => setTimeout(r, 50));
    }
    const imported = await result;
    expect(imported.status, imported.stderr).toBe(0);

    const after = await count(BC);
    expect(after.status).toBe("answered");
    expect(after.value).not.toBe(before.value);
    expect(during.length).toBeGreaterThanOrEqual(5);
    // Every answer during the import is whole: the old count, or the new one once swapped in, never an error.
    for (const answer of during) {
      expect(answer.status, answer.text).toBe("answered");
      expect([before.value, after.value]).toContain(answer.value);
    }
    const firstNew = during.findIndex((a) => a.value === after.value);
    if (firstNew >= 0) expect(during.slice(firstNew).every((a) => a.value === after.value)).toBe(true);

    const mtypes = await count(MTYPES);
    expect(mtypes.status, mtypes.text).toBe("answered");
    expect(mtypes.text).toMatch(/per m-type/);
  });
});
