import { has, type Item } from "./items.js";

/**
 * Words about a preferred orientation that depend on the orientation being asked:
 * - "which orientation is preferred by 8646…", "8646… prefers which orientation": "prefer" restates
 *   the quantity asked ("orientation" read as the preferred orientation), it names no angle;
 * - "…, in degree": the unit asked for (elsewhere "in degree" is the in-degree, a count of inputs).
 */
export function orientationWords(items: Item[]): Item[] {
  const asked = items.findIndex((x) => has(x, "qty", "q", "pref_ori") || has(x, "qty", "q", "pref_dir"));
  if (asked < 0) return items;
  items.forEach((item, k) => {
    if (/^in degrees?$/i.test(item.text) && has(item, "noun", "n", "input")) item.tags = [{ t: "unit", u: "deg" }];
    if (!has(item, "prefer")) return;
    // ("prefers vertical orientations", "preferring 45°": an angle after it is what is preferred.)
    const next = items.slice(k + 1).find((x) => !x.fn);
    // (Near the orientation asked, or last: "what orientation does the cell with nucleus id 101501 prefer".)
    if (Math.abs(k - asked) > 3 && (next || k < asked)) return;
    const angle = next && (has(next, "angle") || has(next, "near") || has(next, "num") || has(next, "val"));
    if (angle) return;
    item.tags = [];
    item.fn = true;
    // ("is preferred by 8646…": the cell the orientation is of.)
    if (next && /^by$/i.test(next.text) && has(items[items.indexOf(next) + 1], "id"))
      next.tags = [{ t: "rel", r: "of" }];
  });
  return items;
}
