/**
 * A per-user rate limit: at most `limit` questions in any `windowMs` (a sliding window), so one
 * person cannot keep the query workers busy for a whole channel. Memory is bounded: keys with no
 * recent question are dropped.
 */
export interface RateLimitOptions {
  /** Questions allowed per window; 0 turns the limit off. */
  limit: number;
  /** Window length (default one minute). */
  windowMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export class RateLimiter {
  private readonly recent = new Map<string, number[]>();
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(private readonly options: RateLimitOptions) {
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Counts one question for `key` if allowed; a refused question does not count. */
  take(key: string): RateDecision {
    if (this.options.limit <= 0) return { allowed: true };
    const now = this.now();
    const since = now - this.windowMs;
    const times = (this.recent.get(key) ?? []).filter((t) => t > since);
    if (times.length >= this.options.limit) {
      this.recent.set(key, times);
      return { allowed: false, retryAfterMs: times[0]! + this.windowMs - now };
    }
    times.push(now);
    this.recent.set(key, times);
    if (this.recent.size > 10_000) this.forgetIdle(since);
    return { allowed: true };
  }

  private forgetIdle(since: number): void {
    for (const [key, times] of this.recent) if (!times.some((t) => t > since)) this.recent.delete(key);
  }
}

/** The polite message for a refused question. */
export function rateLimitMessage(limit: number, retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You've asked ${limit} questions in the last minute, which is the limit here so that everyone gets quick answers. Please try again in ${seconds} s.`;
}
