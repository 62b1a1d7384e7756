import type { Item } from "./items.js";

/** Ids that cannot be: cut short, negative, beyond 64 bits. */
export function badIds(items: Item[]): string | undefined {
  for (const i of items) {
    for (const t of i.tags) {
      if (t.t === "cutid")
        return (
          `${i.text} looks like the start of a root id, but root ids have 18 digits (864691135…); ` +
          "give the whole id."
        );
      if (t.t === "badid") {
        return (
          `${i.text} is not a root id: root ids are unsigned 64-bit integers ` +
          "(0 to 18,446,744,073,709,551,615; in MICrONS, 18 digits starting 864691)."
        );
      }
    }
  }
  return undefined;
}
