/**
 * Allow-lists of workspaces, guilds or channels. An empty list allows everything the bot can see
 * (the default: wherever it has been invited).
 */
export class AllowList {
  private readonly ids: ReadonlySet<string>;

  constructor(ids: Iterable<string> = []) {
    this.ids = new Set(ids);
  }

  /** True when the list is empty or holds `id`; an unknown id (undefined) passes only an empty list. */
  allows(id: string | undefined): boolean {
    if (this.ids.size === 0) return true;
    return id !== undefined && this.ids.has(id);
  }

  get isOpen(): boolean {
    return this.ids.size === 0;
  }

  /** For the start-up log line: "all" or the ids. */
  describe(): string {
    return this.isOpen ? "all" : [...this.ids].join(", ");
  }
}
