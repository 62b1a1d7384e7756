/**
 * One conversation per thread, so that follow-ups ("and onto 4P?", "plot that", "show the SQL")
 * read the thread they are asked in. Keys are built by each adapter from the platform's ids
 * (workspace, channel, thread, and the user in direct messages); threads never share a
 * conversation. The store is bounded: the least recently used thread is forgotten first, and a
 * question in a forgotten thread simply starts a new conversation.
 */
import { newConversation, type Conversation } from "../../src/answers/conversation.js";
import { LruMap } from "./lru.js";

export const DEFAULT_THREADS_KEPT = 1000;

export class ConversationStore {
  private readonly threads: LruMap<string, Conversation>;

  constructor(max = DEFAULT_THREADS_KEPT) {
    this.threads = new LruMap(max);
  }

  /** The conversation of the thread `key`, started if it is new (or was forgotten). */
  get(key: string): Conversation {
    let conversation = this.threads.get(key);
    if (!conversation) {
      conversation = newConversation();
      this.threads.set(key, conversation);
    }
    return conversation;
  }

  has(key: string): boolean {
    return this.threads.has(key);
  }

  get size(): number {
    return this.threads.size;
  }
}

/** A key from its parts; parts are platform ids, which hold no ':'. Missing parts are written as '-'. */
export const threadKey = (...parts: (string | undefined)[]) => parts.map((p) => p ?? "-").join(":");
