import type { Clause } from "./clause.js";
import { is, text } from "./atoms.js";
import { Unreadable } from "./filters.js";
import { isPlace } from "./dims.js";

/**
 * "how many BC targets are there", "share of BC targets that are 23P": with no other cells named as
 * the owner, the name before "targets" (or "sources") may be the owner's ("the targets of BCs") or
 * the partners' ("targets that are BCs"); with an owner ("the 23P targets of X") it is the partners'.
 */
export function ownersOfPartners(c: Clause): void {
  const verb = c.has("fraction")
    ? c.atoms.findIndex((a, i) => i > c.index(c.find("fraction")!) && (is(a, "verb") || is(a, "glue")))
    : -1;
  for (const p of c.pops) {
    const partnerSide = p.pop.head === "target" ? "post" : "pre";
    if (
      (p.pop.head !== "target" && p.pop.head !== "source") ||
      (p.role && p.role !== partnerSide) ||
      !p.pop.namedBefore
    )
      continue;
    const named = p.pop.filters.slice(0, Number(p.pop.namedBefore));
    if (named.some((f) => f.dim === "root_id")) continue;
    // (A place is no owner: "# BC targets in V1" is as open as "# BC targets".)
    const place = (o: Clause["pops"][number]) => o.pop.filters.every(isPlace);
    if (c.pops.some((o) => o !== p && o.pop.filters.length && !place(o) && !(verb >= 0 && o.i > verb))) continue;
    const words = p.atom.items.map((i) => i.text).join(" ");
    const noun = `${p.pop.head}s`;
    throw new Unreadable(
      `By "${words}" do you mean the ${noun} of those cells, or ${noun} that are those cells? ` +
        `Say "${noun} of …" or "${noun} that are …".`,
    );
  }
}
