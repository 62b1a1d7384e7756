import type Database from "better-sqlite3";
import { afterAll, beforeAll } from "vitest";
import { ConnectomeChat } from "../../src/answers/chat.js";
import { loadRawExports } from "./raw-tables.js";
import { buildTestStore } from "./store.js";

/** A chat on a small test store, and the raw exports it was built from (to check answers with plain SQL). */
export interface ChatOnRaw {
  chat: ConnectomeChat;
  raw: Database.Database;
}

/** Opens the pair before the file's tests and closes it after; its fields are set once the tests run. */
export function useChatOnRaw(tables: string[]): ChatOnRaw {
  const pair = {} as ChatOnRaw;
  beforeAll(async () => {
    const store = await buildTestStore({ cells: 600, seed: 5 });
    pair.raw = loadRawExports(store.dir, tables);
    pair.chat = await ConnectomeChat.open({ dbPath: store.db });
  });
  afterAll(async () => {
    await pair.chat?.close();
    pair.raw?.close();
  });
  return pair;
}
