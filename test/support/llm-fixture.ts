import { mkdtempSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { ConnectomeChat } from "../../src/answers/chat.js";
import { readLlmConfig } from "../../src/planning/llm/config.js";
import { llmPlannerFactory } from "../../src/planning/llm/from-environment.js";
import { gold, loadRawExports } from "./raw-tables.js";
import { startStandIn, type StandIn } from "./stand-in-llm.js";
import { buildTestStore } from "./store.js";

/**
 * What the LLM planner tests share: a store built from the project's sample, the raw exports for
 * gold answers (plain SQL, never the project's compiler), a stand-in model server on loopback, and
 * chats whose LLM planner uses the real LangChain clients against it. The questions are ones the
 * offline reader asks back on today, and the canned replies are plans of the plan language.
 */

/** The reader asks back: "l5 pyramidal" could mean 5P-IT, 5P-ET or 5P-NP. */
export const AMBIGUOUS = "How many L5 pyramidal cells are there?";
/** The reader asks back: it did not understand "(in) expectation"; without it the question reads "... contact?". */
export const UNREAD = "How many 4P neurons does a basket cell contact in expectation?";
/** The reader's reading of UNREAD without "in expectation" (the words it did not understand), as it reads it. */
export const UNREAD_WITHOUT = "How many 4P neurons does each basket cell contact on average?";

const query = (p: object) => ({ kind: "query", ...p });
const type = (...values: string[]) => ({ dim: "cell_type", values });

export const L5_PLAN = {
  plan: query({ source: "cells", filter: [type("5P-IT", "5P-ET", "5P-NP")], measure: { fn: "count" } }),
  names: [{ text: "L5 pyramidal cells", values: ["5P-IT", "5P-ET", "5P-NP"] }],
};

/** UNREAD in free-form SQL: the mean, over basket-cell roots, of their distinct 4P postsynaptic partners. */
export const CONTACTS_SQL = {
  plan: {
    kind: "sql",
    sql:
      "SELECT avg((SELECT count(DISTINCT c.post_pt_root_id) FROM connection c JOIN root_cell_type p " +
      "ON p.pt_root_id = c.post_pt_root_id AND p.cell_type = '4P' WHERE c.pre_pt_root_id = b.pt_root_id)) " +
      "AS mean_4p_partners FROM (SELECT DISTINCT pt_root_id FROM root_cell_type WHERE cell_type = 'BC') b",
    explanation: "mean number of distinct 4P postsynaptic partners per basket-cell root",
  },
  names: [{ text: "basket cell", values: ["BC"] }],
};

/** The reading that leaves "in expectation" out: the distinct 4P neurons a basket cell contacts, averaged. */
export const CONTACTS_WITHOUT_UNREAD = {
  plan: query({
    source: "roots",
    filter: [type("BC")],
    measure: { fn: "mean", of: "out_partners" },
    partners: [type("4P")],
  }),
};

export const l5Gold = (raw: Database.Database) =>
  gold(raw, "SELECT count(*) FROM ct WHERE cell_type IN ('5P-IT', '5P-ET', '5P-NP')");
export const contactsGold = (raw: Database.Database) =>
  gold(
    raw,
    `SELECT avg(coalesce(n, 0)) FROM
  (SELECT DISTINCT pt_root_id FROM root_type WHERE cell_type = 'BC') b LEFT JOIN
  (SELECT pre_pt_root_id, count(DISTINCT post_pt_root_id) AS n FROM syn
    WHERE post_pt_root_id IN (SELECT pt_root_id FROM root_type WHERE cell_type = '4P') GROUP BY 1) s
  ON s.pre_pt_root_id = b.pt_root_id`,
  ) as number;
export interface LlmFixture {
  db: string;
  raw: Database.Database;
  server: StandIn;
  /** Every root id of the store's cells: none may leave the machine. */
  rootIds: string[];
  /** The planner's log lines of the current test. */
  logs: string[];
  openChat(env: Record<string, string>): Promise<ConnectomeChat>;
  openai(extra?: Record<string, string>): Promise<ConnectomeChat>;
  ollama(extra?: Record<string, string>): Promise<ConnectomeChat>;
  /** Before each test: no requests, no log lines. */
  reset(): void;
  close(): Promise<void>;
}

export async function llmFixture(): Promise<LlmFixture> {
  const store = await buildTestStore({ cells: 1500, seed: 21 });
  const raw = loadRawExports(store.dir, ["aibs_metamodel_celltypes_v661", "synapses_pni_2", "nucleus_detection_v0"]);
  const roots = raw.prepare("SELECT DISTINCT pt_root_id FROM ct WHERE pt_root_id != 0").raw(true).all() as [bigint][];
  const rootIds = roots.map(([id]) => id.toString());
  const server = await startStandIn();
  const chats: ConnectomeChat[] = [];
  const logs: string[] = [];
  const openChat = async (env: Record<string, string>) => {
    const config = readLlmConfig({ CONNECTOME_CHAT_MODEL: "test-model", ...env });
    const planner = await llmPlannerFactory(config, { log: (line) => logs.push(line) });
    const plotDir = mkdtempSync(join(tmpdir(), "cc-llm-plots-"));
    const chat = await ConnectomeChat.open({ dbPath: store.db, plotDir, workers: 1, planner });
    chats.push(chat);
    return chat;
  };
  return {
    db: store.db,
    raw,
    server,
    rootIds,
    logs,
    openChat,
    openai: (extra = {}) =>
      openChat({
        CONNECTOME_CHAT_LLM: "openai",
        OPENAI_BASE_URL: `${server.url}/v1`,
        OPENAI_API_KEY: "sk-test-never-shown",
        ...extra,
      }),
    ollama: (extra = {}) => openChat({ CONNECTOME_CHAT_LLM: "ollama", OLLAMA_BASE_URL: server.url, ...extra }),
    reset: () => {
      server.requests.length = 0;
      logs.length = 0;
    },
    close: async () => {
      await Promise.all(chats.map((c) => c.close()));
      await server.close();
      raw.close();
    },
  };
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
