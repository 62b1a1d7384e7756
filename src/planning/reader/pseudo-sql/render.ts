import { adjective, groupPhrase, modifier, sidePhrase } from "./phrases.js";
import type { ColRef, Measure, Operand, Pred, Seg, Sketch } from "./sketch.js";
import type { SqlVocab } from "./vocab.js";

/**
 * A sketch → the English the reader reads, in one order: measure, the rows (values before the
 * noun), the words typed as English, from … onto …, conditions, per …, top k, and last whatever
 * could not be translated, as typed (so the reader names it when it asks back).
 */
export function render(s: Sketch, text: string, v: SqlVocab): { text: string; kept: string[] } {
  return new Renderer(s, text, v).render();
}

const ROW_NOUNS = new Set(["synapses", "connections"]);

class Renderer {
  private readonly left: string[] = [];

  constructor(
    private readonly s: Sketch,
    private readonly text: string,
    private readonly v: SqlVocab,
  ) {}

  private typed(seg?: Seg): string {
    return seg ? this.text.slice(seg.start, seg.end) : "";
  }

  /** Keeps a part as typed, for the reader to ask about. */
  private keep(seg?: Seg): undefined {
    if (seg) this.left.push(this.typed(seg));
    return undefined;
  }

  render(): { text: string; kept: string[] } {
    const s = this.s;
    // Words typed as English, without the commas and colons around them, and without bare brackets.
    const raw = s.raw
      .map((r) => this.typed(r).replace(/^[\s,:;*]+|[\s,:;*]+$/g, ""))
      .filter((r) => r && !/^[()[\]]+$/.test(r));
    const lookup = this.lookup();
    const parts = lookup ? [lookup, ...raw] : this.query(raw);
    const kept = [...this.left, ...s.leftover.map((l) => this.typed(l))].filter(Boolean);
    return {
      text: [...parts, ...kept]
        .filter(Boolean)
        .join(" ")
        .replace(/\s{2,}/g, " ")
        .trim(),
      kept,
    };
  }

  /** "pt_root_id where nucleus id = 100594" → "root id of nucleus 100594". */
  private lookup(): string | undefined {
    const s = this.s;
    if (s.measure || s.groups.length || !s.select.length || s.preds.length !== 1) return undefined;
    const [p] = s.preds;
    if (p!.t !== "value" || p!.ref.side || p!.ref.col?.kind !== "id" || p!.values.length !== 1 || p!.not) {
      return undefined;
    }
    if (s.select.some((c) => !c.col || c.side)) return undefined;
    const id = (p!.ref.col.value ?? "{v}").replace("{v}", p!.values[0]!);
    return `${s.select.map((c) => c.col!.words).join(" and ")} of ${id}`;
  }

  private query(raw: string[]): string[] {
    const s = this.s;
    const noun = this.noun(raw);
    const sided = { pre: [] as Pred[], post: [] as Pred[] };
    const both: string[] = [];
    const unsided: Pred[] = [];
    for (const p of s.preds) {
      if (p.t === "both") both.push(p.words);
      else if (p.ref.side) sided[p.ref.side].push(p);
      else unsided.push(p);
    }
    const adjectives: string[] = [];
    const mods: string[] = [];
    for (const p of unsided) {
      const a = noun && !ROW_NOUNS.has(noun) ? adjective(p) : undefined;
      const m = a === undefined ? this.unsided(p, noun) : undefined;
      if (a !== undefined) adjectives.push(a);
      else if (m !== undefined) mods.push(m);
      else this.keep(p.at);
    }
    const head = this.measure(noun, adjectives, sided);
    const sides = (["pre", "post"] as const).map((side) => {
      if (!sided[side].length && !both.length) return "";
      if (s.measure?.fn === "distinct") return "";
      const phrase = sidePhrase(sided[side], both);
      if (phrase === undefined) sided[side].forEach((p) => this.keep(p.at));
      return phrase === undefined ? "" : `${side === "pre" ? "from" : "onto"} ${phrase}`;
    });
    // A row's own conditions before the sides: "synapses with synapse size at least 1000 from BC"
    // ("from BC with size …" reads the size as BC's).
    return [head, ...raw, ...mods, ...sides, this.groups(), this.top()];
  }

  /** A condition on the rows: on cells a modifier; on synapses only a synapse's own quantities. */
  private unsided(p: Pred, noun?: string): string | undefined {
    if (p.t === "both" || !p.ref.col) return undefined;
    const row = p.ref.col.row;
    if (noun && ROW_NOUNS.has(noun) !== (row !== undefined)) return undefined;
    return modifier(p);
  }

  /** The rows: the table named, else what the measure and conditions are about. */
  private noun(raw: string[]): string | undefined {
    const s = this.s;
    const m = s.measure;
    const of = m && "of" in m && m.of && "ref" in m.of ? m.of.ref.col : undefined;
    // A connection's quantity (n_syn) over "synapses" is over their connections; over cells it does not fit.
    const perConnection =
      of?.row === "connections" || s.preds.some((p) => p.t !== "both" && p.ref.col?.row === "connections");
    if (m?.fn === "connections" || (perConnection && (!s.noun || s.noun === "synapses"))) return "connections";
    if (s.noun) return s.noun;
    // Words typed as English may name the rows themselves ("input synapses of 8646…", "4P roots").
    const named = raw.some((r) => r.split(/\s+/).some((w) => this.v.table([w]) !== undefined));
    if (named) return undefined;
    const sidedAny = s.preds.some((p) => p.t === "both" || p.ref.side) || s.groups.some((g) => g.side);
    if (sidedAny || of?.row === "synapses") return "synapses";
    return raw.length ? undefined : "cells";
  }

  /** "number of NGC cells", "mean nucleus volume of neurons", "ratio of excitatory to inhibitory", "list …". */
  private measure(noun: string | undefined, adjectives: string[], sided: Record<"pre" | "post", Pred[]>): string {
    const s = this.s;
    const m = s.measure;
    const rows = [adjectives.join(" "), noun].filter(Boolean).join(" ");
    if (!m) {
      const listed = s.selectAll || s.select.some((c) => c.col?.kind === "id");
      if (listed && !s.groups.length) {
        if (s.select.some((c) => c.col?.kind !== "id")) this.keep(s.spans.select);
        return `list ${rows}`;
      }
      if (s.select.some((c) => !s.groups.some((g) => g.col === c.col && g.side === c.side))) this.keep(s.spans.select);
      return rows;
    }
    // Columns selected beside an aggregate must be its groups ("select cell_type, count(*) … group by
    // cell_type"); any other is kept as typed.
    if (s.select.some((c) => !s.groups.some((g) => g.col === c.col && g.side === c.side))) this.keep(s.spans.select);
    if (m.fn === "count" || m.fn === "connections") return `number of ${rows}`;
    if (m.fn === "distinct") return this.partners(m.side, adjectives, sided);
    if (m.fn === "ratio") return this.ratio(m.num, m.den, rows);
    const what = this.fits(m, noun) ? this.operand(m) : undefined;
    if (what === undefined) return this.keep(s.spans.measure) ?? rows;
    // "synapses per connection" names its rows already; "total synapse size onto 8646…" does not read
    // without "of synapses".
    const ofRows = rows && noun !== "connections" ? ` of ${rows}` : "";
    return `${what}${ofRows}`;
  }

  /**
   * Whether what is aggregated belongs to the rows: a synapse's size to synapses, a connection's
   * synapse count to connections, a nucleus volume or a gOSI to cells ("avg(size) from cells",
   * "avg(depth) over synapses" stay as typed).
   */
  private fits(m: Extract<Measure, { fn: "stat" | "percentile" | "chart" }>, noun?: string): boolean {
    const col = m.of && "ref" in m.of ? m.of.ref.col : undefined;
    if (!col || !noun) return true;
    if (col.kind === "count" && !col.row) return !ROW_NOUNS.has(noun);
    return col.row ? col.row === noun : !ROW_NOUNS.has(noun);
  }

  /** The words of an aggregate: "mean synapse size", "90th percentile of nucleus volume", "box plot of gOSI". */
  private operand(m: Extract<Measure, { fn: "stat" | "percentile" | "chart" }>): string | undefined {
    const of: Operand | undefined = m.of;
    if (!of) return undefined;
    const col = "ref" in of ? of.ref.col : undefined;
    // Only quantities are aggregated here; avg(cell_type) or a side's quantity stay as typed, and so do
    // angles: avg(pref_ori) over the column is an arithmetic mean in radians, not the reader's reading.
    if ("ref" in of && (!col || !["number", "count"].includes(col.kind) || of.ref.side)) return undefined;
    const words = col ? col.words : "words" in of ? of.words : "";
    const perRoot = (col?.kind === "count" && !col.row) || ("words" in of && of.perRoot);
    const number = perRoot ? `number of ${words}` : words;
    if (m.fn === "percentile") return Number.isInteger(m.p) ? `${m.p}th percentile of ${words}` : undefined;
    const fn = m.fn === "chart" ? m.chart : m.stat;
    if (fn === "count") return `number of ${words}`;
    const stat = this.v.statWords[fn];
    return stat === undefined ? undefined : `${stat} ${number}`;
  }

  /** count(distinct post_root) where pre_root = X → "number of postsynaptic partners of X". */
  private partners(side: "pre" | "post", adjectives: string[], sided: Record<"pre" | "post", Pred[]>): string {
    const other = side === "pre" ? "post" : "pre";
    const of = sidePhrase(sided[other], []);
    const own = sided[side].map((p) => adjective(p));
    if (of === undefined || own.some((a) => a === undefined) || adjectives.length) {
      [...sided.pre, ...sided.post].forEach((p) => this.keep(p.at));
      return this.keep(this.s.spans.measure) ?? "";
    }
    return `number of ${[...own, side === "pre" ? "presynaptic" : "postsynaptic"].join(" ")} partners of ${of}`;
  }

  /** sum(pre.class = excitatory) / sum(pre.class = inhibitory) → "ratio of excitatory to inhibitory". */
  private ratio(num: Pred, den: Pred, rows: string): string {
    const a = adjective(num);
    const b = adjective(den);
    if (a === undefined || b === undefined || num.t !== "value" || den.t !== "value" || num.ref.col !== den.ref.col) {
      return this.keep(this.s.spans.measure) ?? rows;
    }
    return `ratio of ${a} to ${b} ${rows}`.trim();
  }

  private groups(): string {
    const s = this.s;
    const m = s.measure;
    // (pre_root, post_root) pairs: already the rows of a per-connection quantity; any other measure is kept.
    const perConnection = m && "of" in m && m.of && "ref" in m.of && m.of.ref.col?.row === "connections";
    if (s.perConnection && !perConnection) this.keep(s.spans.perConnection);
    const same = (g: ColRef) => (h: ColRef) => h.col === g.col && h.side === g.side;
    const groups = s.groups.filter((g, i) => s.groups.findIndex(same(g)) === i);
    const phrase = groupPhrase(groups, s.order !== undefined && s.limit !== undefined && !s.orderOther);
    return phrase ?? this.keep(s.spans.group) ?? "";
  }

  private top(): string {
    const s = this.s;
    if (s.order && !s.orderOther && s.limit !== undefined) return `${s.order === "desc" ? "top" : "bottom"} ${s.limit}`;
    if (s.limit !== undefined) return this.keep(s.spans.limit) ?? "";
    // A sort without a limit: "ranked" reads as largest first; smallest first stays as typed.
    if (s.order === "desc" && !s.orderOther) return "ranked";
    if (s.order && !s.orderOther) return this.keep(s.spans.order) ?? "";
    return "";
  }
}
