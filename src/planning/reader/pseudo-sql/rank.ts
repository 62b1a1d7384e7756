import type { ColRef } from "./sketch.js";
import type { ParseState } from "./state.js";
import { aggregate } from "./terms.js";

/**
 * Grouping and ranking clauses: "group by pre.cell_type, post.cell_type", "per area", "per
 * (pre_root, post_root) pair", "order by 2 desc", "limit 5", "top 5 pre_pt_root_id by count(*)",
 * "argmax over post.cell_type of count(*)".
 */
export function group(st: ParseState): boolean {
  const c = st.c;
  const keyword = c.word(0, "group", "grouped") && c.word(1, "by") ? 2 : c.word(0, "group") ? 1 : 0;
  const soft = keyword ? 0 : c.word(0, "per", "by") ? 1 : c.word(0, "for") && c.word(1, "each") ? 2 : 0;
  if (!keyword && !soft) return false;
  const start = c.i;
  c.i += keyword || soft;
  let any = false;
  do {
    if (!groupItem(st)) break;
    any = true;
  } while (c.punct(0, ",") && c.attempt(() => (c.i++, groupItem(st) || undefined)));
  if (!any) {
    // "per connection" is English; "group by" with nothing known after it stays as typed.
    if (soft) return false;
    st.keep(st.s.leftover, start, c.i);
  }
  const spans = st.s.spans;
  spans.group = spans.group ? { ...spans.group, end: st.span(start).end } : st.span(start);
  return st.sql();
}

function groupItem(st: ParseState): boolean {
  const c = st.c;
  const t = c.peek();
  if (t?.k === "num" && /^\d$/.test(t.text)) {
    const item = st.items[Number(t.text) - 1];
    if (!item || item === "measure") return false;
    c.i++;
    st.s.groups.push(item);
    return true;
  }
  if (c.punct(0, "(")) {
    const at = c.i++;
    const a = c.colRef();
    const b = c.punct(0, ",") ? (c.i++, c.colRef()) : undefined;
    const root = (r?: ColRef) => r?.side && (!r.col || r.col.dim === "root_id");
    if (!root(a) || !root(b) || a!.side === b!.side || !c.punct(0, ")")) return false;
    c.i++;
    if (c.word(0, "pair", "pairs", "connection", "connections")) c.i++;
    st.s.perConnection = true;
    st.s.spans.perConnection = st.span(at);
    return true;
  }
  const ref = c.colRef();
  if (!ref) return false;
  st.s.groups.push(ref);
  return true;
}

/** "order by 2 desc", "order by count(*) desc", "order by n desc": by the measure; anything else stays as typed. */
export function order(st: ParseState): boolean {
  const c = st.c;
  if (!c.word(0, "order", "sort", "ordered", "sorted") || !c.word(1, "by")) return false;
  const start = c.i;
  c.i += 2;
  const t = c.peek();
  const from = c.i;
  let byMeasure = false;
  const named =
    t?.k === "num" && /^\d$/.test(t.text)
      ? st.items[Number(t.text) - 1]
      : t?.k === "word"
        ? st.aliases.get(t.lower)
        : undefined;
  if (named) byMeasure = named === "measure" && (c.i++, true);
  else {
    const m = aggregate(c);
    if (m && !st.s.measure) st.setMeasure(m, from);
    byMeasure = m !== undefined && JSON.stringify(m) === JSON.stringify(st.s.measure);
  }
  if (!byMeasure) {
    while (!c.done && !c.word(0, "limit")) c.i++;
    st.keep(st.s.leftover, start, c.i);
    st.s.orderOther = true;
    return st.sql();
  }
  const dir = c.word(0, "desc", "descending") ? "desc" : "asc";
  if (c.word(0, "desc", "descending", "asc", "ascending")) c.i++;
  st.s.order = dir;
  st.s.spans.order = st.span(start);
  return st.sql();
}

export function limit(st: ParseState): boolean {
  const c = st.c;
  if (!c.word(0, "limit") || c.peek(1)?.k !== "num") return false;
  st.s.limit = Number(c.peek(1)!.text);
  c.i += 2;
  st.s.spans.limit = st.span(c.i - 2);
  return st.sql();
}

/** "top 5 pre_pt_root_id by count(*)", "top 3 by avg(size)". */
export function top(st: ParseState): boolean {
  const c = st.c;
  if (!c.word(0, "top", "bottom") || c.peek(1)?.k !== "num") return false;
  const dir = c.word(0, "top") ? "desc" : "asc";
  const k = Number(c.peek(1)!.text);
  c.i += 2;
  const groups: ColRef[] = [];
  for (let g = c.colRef(); g; g = c.punct(0, ",") ? (c.i++, c.colRef()) : undefined) groups.push(g);
  if (!c.word(0, "by")) return false;
  const from = ++c.i;
  const m = aggregate(c);
  if (!m) return false;
  st.setMeasure(m, from);
  st.s.groups.push(...groups);
  st.s.order = dir;
  st.s.limit = k;
  return st.sql();
}

/** "argmax over post.cell_type of count(*)", "argmax(count(*)) by post.cell_type": the top 1. */
export function argmax(st: ParseState): boolean {
  const c = st.c;
  if (!c.word(0, "argmax", "argmin")) return false;
  const dir = c.word(0, "argmax") ? "desc" : "asc";
  c.i++;
  let from = c.i;
  let m = c.punct(0, "(") ? (c.i++, aggregate(c)) : undefined;
  if (m && !c.punct(0, ")")) return false;
  if (m) c.i++;
  if (c.word(0, "over", "of", "by") || c.punct(0, ",")) c.i++;
  const g = c.colRef();
  if (!g) return false;
  if (!m) {
    if (c.word(0, "of", "by") || c.punct(0, ",")) c.i++;
    from = c.i;
    m = aggregate(c);
    if (!m) return false;
  }
  st.setMeasure(m, from);
  st.s.groups.push(g);
  st.s.order = dir;
  st.s.limit = 1;
  return st.sql();
}
