/**
 * Work started from an event handler without being awaited there: the platform is acknowledged at
 * once and one slow question never holds up the next event. Failures are logged here (a rejected
 * promise nobody awaits would otherwise crash Node), and stopping can wait for work under way.
 */
export class BackgroundWork {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly onError: (error: unknown, what: string) => void) {}

  /** Starts `work` now; its failure is reported to onError, never thrown. */
  start(what: string, work: () => Promise<unknown>): void {
    const running: Promise<void> = Promise.resolve()
      .then(work)
      .then(
        () => undefined,
        (error: unknown) => this.onError(error, what),
      )
      .finally(() => this.pending.delete(running));
    this.pending.add(running);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Resolves when everything started so far has finished (or after `timeoutMs`). */
  async settle(timeoutMs = 30_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    });
    await Promise.race([Promise.all([...this.pending]), timeout]);
    clearTimeout(timer);
  }
}
