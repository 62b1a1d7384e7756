import { describe, expect, it } from "vitest";
import { AllowList } from "../adapters/common/allow-list.js";
import { tableForChat, fileNameFor } from "../adapters/common/chat-table.js";
import { ConversationStore, threadKey } from "../adapters/common/conversations.js";
import { checkEnv, idList } from "../adapters/common/env.js";
import { LruMap } from "../adapters/common/lru.js";
import { RateLimiter, rateLimitMessage } from "../adapters/common/rate-limit.js";
import { redactor, RedactingLog } from "../adapters/common/redact.js";
import { BackgroundWork } from "../adapters/common/background.js";
import { z } from "zod";

/** The pieces every chat adapter shares (adapters/common); the Slack ones are in slack-parts.test.ts. */

describe("adapters/common", () => {
  it("LruMap forgets the least recently used entry first", () => {
    const lru = new LruMap<string, number>(2);
    lru.set("a", 1).set("b", 2);
    expect(lru.get("a")).toBe(1);
    lru.set("c", 3);
    expect(lru.has("b")).toBe(false);
    expect(lru.has("a")).toBe(true);
    expect(lru.size).toBe(2);
  });

  it("ConversationStore keeps one conversation per key, bounded", () => {
    const store = new ConversationStore(3);
    const a = store.get(threadKey("T1", "C1", "1.0"));
    expect(store.get(threadKey("T1", "C1", "1.0"))).toBe(a);
    expect(store.get(threadKey("T1", "C1", "2.0"))).not.toBe(a);
    for (let i = 3; i < 10; i++) store.get(threadKey("T1", "C1", `${i}.0`));
    expect(store.size).toBe(3);
    expect(store.has(threadKey("T1", "C1", "1.0"))).toBe(false);
    expect(threadKey("T1", undefined, "x")).toBe("T1:-:x");
  });

  it("RateLimiter allows `limit` per window per key, then says when to retry", () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    expect(limiter.take("u1").allowed).toBe(true);
    now = 10_000;
    expect(limiter.take("u1").allowed).toBe(true);
    now = 20_000;
    expect(limiter.take("u1")).toEqual({ allowed: false, retryAfterMs: 40_000 });
    expect(limiter.take("u2").allowed).toBe(true);
    now = 60_001;
    expect(limiter.take("u1").allowed).toBe(true);
    expect(new RateLimiter({ limit: 0 }).take("u").allowed).toBe(true);
    expect(rateLimitMessage(10, 40_000)).toMatch(/10 questions in the last minute.*try again in 40 s/);
  });

  it("AllowList allows everything when empty, else only its ids", () => {
    expect(new AllowList().allows("C1")).toBe(true);
    expect(new AllowList().allows(undefined)).toBe(true);
    const list = new AllowList(["C1", "C2"]);
    expect(list.allows("C1")).toBe(true);
    expect(list.allows("C3")).toBe(false);
    expect(list.allows(undefined)).toBe(false);
    expect(list.describe()).toBe("C1, C2");
  });

  it("redacts configured secrets and token shapes from log lines", () => {
    const redact = redactor(["s3cr3t-signing", "xoxb-111-222-abc"]);
    expect(redact("token xoxb-111-222-abc and s3cr3t-signing")).toBe("token [redacted] and [redacted]");
    expect(redact("other xoxp-9-9-zz and xapp-1-A0-123-abcdef")).toBe("other [redacted] and [redacted]");
    expect(redact("Authorization: Bearer abcdefghijklmnop")).toBe("Authorization: Bearer [redacted]");
    const lines: string[] = [];
    const log = new RedactingLog(redact, "info", "test", (l) => lines.push(l));
    log.debug("hidden");
    log.error(new Error("failed with xoxb-111-222-abc"), { token: "s3cr3t-signing" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ERROR \[test\] Error: failed with \[redacted\] \{"token":"\[redacted\]"\}/);
  });

  it("checkEnv names missing and malformed variables, never their values", () => {
    const schema = z.object({
      A_TOKEN: z.string().startsWith("tok-", "must start with tok-").describe("the token"),
      IDS: idList("some ids"),
    });
    const missing = checkEnv(schema, {});
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.problems).toEqual(["A_TOKEN is not set (the token)"]);
    const bad = checkEnv(schema, { A_TOKEN: "secret-value", IDS: "C1, C 2" });
    expect(!bad.ok && bad.problems.join("\n")).not.toContain("secret-value");
    expect(!bad.ok && bad.problems.join("\n")).toMatch(/A_TOKEN: must start with tok-[\s\S]*IDS: ids are letters/);
    const good = checkEnv(schema, { A_TOKEN: "tok-1", IDS: " C1, ,C2 " });
    expect(good.ok && good.settings).toEqual({ A_TOKEN: "tok-1", IDS: ["C1", "C2"] });
    expect(
      checkEnv(schema, { A_TOKEN: "tok-1", IDS: "" }).ok &&
        (checkEnv(schema, { A_TOKEN: "tok-1", IDS: "" }) as { settings: { IDS: string[] } }).settings.IDS,
    ).toEqual([]);
  });

  it("tableForChat cuts rows and width to fit, and gives the whole table as CSV when cut", () => {
    const table = {
      columns: ["root_id", "synapses"],
      rows: Array.from({ length: 40 }, (_, i) => [`86469113${String(i).padStart(10, "0")}`, 1000 - i]),
    };
    const small = tableForChat({ columns: ["a"], rows: [[1], [2]] }, { maxChars: 3000 });
    expect(small.csv).toBeUndefined();
    expect(small.shownRows).toBe(2);
    const cut = tableForChat(table, { maxRows: 15, maxChars: 3000 });
    expect(cut.shownRows).toBe(15);
    expect(cut.csv!.trim().split("\n")).toHaveLength(41);
    const narrow = tableForChat(table, { maxRows: 15, maxChars: 300 });
    expect(narrow.text!.length).toBeLessThanOrEqual(300);
    expect(narrow.shownRows).toBeLessThan(15);
    expect(narrow.text).toMatch(/more rows not shown/);
    const none = tableForChat(table, { maxChars: 10 });
    expect(none.text).toBeUndefined();
    expect(none.csv).toBeDefined();
    expect(fileNameFor("Read as: number of synapses from BC onto 23P; from the summary", "csv")).toBe(
      "number-of-synapses-from-bc-onto-23p-from-the-summary.csv",
    );
    expect(fileNameFor("???", "png")).toBe("result.png");
  });

  it("BackgroundWork reports a failure instead of throwing, and settles", async () => {
    const failures: string[] = [];
    const work = new BackgroundWork((error, what) => failures.push(`${what}: ${(error as Error).message}`));
    work.start("one", async () => {
      throw new Error("boom");
    });
    work.start("two", () => new Promise((r) => setTimeout(r, 20)));
    expect(work.size).toBe(2);
    await work.settle();
    expect(failures).toEqual(["one: boom"]);
    expect(work.size).toBe(0);
  });
});
