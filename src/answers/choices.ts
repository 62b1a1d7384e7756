import { randomBytes } from "node:crypto";
import type { QueryPlan } from "../planning/plan.js";
import type { Conversation } from "./conversation.js";

/**
 * Questions a person can pick with a click (or a number in the terminal): the next questions after
 * an answer, and the readings of a question asked back. A button carries only a short random id of
 * one of them, never the question or its plan, so nothing a platform sends back is trusted beyond
 * looking it up here. An id belongs to the conversation (thread) it was offered in and lasts 30
 * minutes; the store holds a bounded number, the oldest forgotten first.
 */
export const CHOICE_TTL_MS = 30 * 60_000;
export const CHOICE_CAP = 5000;
export const CHOICE_EXPIRED = "That choice has expired; please ask again.";

/** Ids are 12 characters of base64url (72 random bits): short enough for any button, not guessable. */
export const CHOICE_ID = /^[A-Za-z0-9_-]{12}$/;

export interface StoredChoice {
  question: string;
  /** The conversation's last plan when the question was checked: it is asked with the same one. */
  context: QueryPlan | undefined;
  conversation: Conversation;
  expires: number;
}

export interface ChoiceStoreOptions {
  ttlMs?: number;
  max?: number;
  now?: () => number;
}

export class ChoiceStore {
  private readonly entries = new Map<string, StoredChoice>();
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(options: ChoiceStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? CHOICE_TTL_MS;
    this.max = options.max ?? CHOICE_CAP;
    this.now = options.now ?? Date.now;
  }

  add(question: string, context: QueryPlan | undefined, conversation: Conversation): string {
    this.forgetExpired();
    const id = randomBytes(9).toString("base64url");
    this.entries.set(id, { question, context, conversation, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return id;
  }

  /** The choice, if the id is one of ours, not expired, and offered in this conversation. */
  get(id: unknown, conversation: Conversation): StoredChoice | undefined {
    if (typeof id !== "string" || !CHOICE_ID.test(id)) return undefined;
    const entry = this.entries.get(id);
    if (!entry || entry.expires <= this.now() || entry.conversation !== conversation) return undefined;
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Entries are added in order of expiry, so the expired ones are all at the front. */
  private forgetExpired(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (entry.expires > now) break;
      this.entries.delete(id);
    }
  }
}
