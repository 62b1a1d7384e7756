import type { Filter } from "../plan.js";
import { as, is, lower, use, type Atom } from "./atoms.js";
import { popFilters, Unreadable } from "./filters.js";
import type { Pop } from "./phrases.js";
import type { Role, Roles } from "./roles.js";

/**
 * The question's parts as the composer sees them: its populations with their sides, and the words
 * that say what to measure and how to shape the answer, each found once and marked used when the
 * plan takes its meaning.
 */
export class Clause {
  readonly pops: { i: number; pop: Pop; role?: Role; atom: Atom }[];

  constructor(
    readonly atoms: Atom[],
    readonly roles: Roles,
    readonly classOf: (t: string) => string | undefined,
  ) {
    this.pops = atoms.flatMap((a, i) =>
      a.tag.t === "pop" ? [{ i, pop: a.tag as Pop, role: roles.role.get(i), atom: a }] : [],
    );
    for (const i of roles.used) use(atoms[i]);
  }

  /** The first atom with this meaning (optionally with key = value), or undefined. */
  find(t: string, key?: string, value?: unknown): Atom | undefined {
    return this.atoms.find((a) => is(a, t, key, value));
  }

  findAll(t: string): Atom[] {
    return this.atoms.filter((a) => is(a, t));
  }

  index(a: Atom | undefined): number {
    return a ? this.atoms.indexOf(a) : -1;
  }

  /** Takes an atom's meaning: marks it used and returns its tag of type t. */
  take<T = Record<string, unknown>>(t: string, key?: string, value?: unknown): (T & { atom: Atom }) | undefined {
    const a = this.find(t, key, value);
    if (!a) return undefined;
    use(a);
    return { ...(as(a, t) as T), atom: a };
  }

  /** Filters of the populations on one side (or with no side, for cells). */
  filters(pops: Clause["pops"]): Filter[] {
    const out: Filter[] = [];
    for (const p of pops) {
      this.usePop(p);
      out.push(...popFilters(p.pop, this.classOf));
    }
    return out;
  }

  usePop(p: Clause["pops"][number]): void {
    use(p.atom);
    if (p.pop.ambiguous) {
      const a = p.pop.ambiguous as { text: string; options: string[] };
      throw new Unreadable(
        `"${a.text}" could mean ${a.options.join(", ").replace(/, ([^,]*)$/, " or $1")}. Which one?`,
        a.options,
      );
    }
  }

  /** The atom just after another, skipping function words. */
  after(a: Atom | undefined): Atom | undefined {
    let i = this.index(a) + 1;
    while (
      i > 0 &&
      i < this.atoms.length &&
      this.atoms[i]!.items.every((x) => x.fn) &&
      this.atoms[i]!.tag.t !== "pop" &&
      !is(this.atoms[i], "rel")
    )
      i++;
    return i > 0 ? this.atoms[i] : undefined;
  }

  has(t: string, key?: string, value?: unknown): boolean {
    return this.find(t, key, value) !== undefined;
  }

  /** Whether some word of the question matches. */
  says(re: RegExp): boolean {
    return this.atoms.some((a) => re.test(lower(a)));
  }
}
