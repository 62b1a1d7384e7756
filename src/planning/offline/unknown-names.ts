import type { Mention } from "./mentions.js";
import { NOT_NAMES } from "./not-names.js";
import type { Token } from "./tokens.js";

/** Words that follow "how many" without naming a cell type. */
const COUNTED_NOUNS = new RegExp(
  `^(${[
    "common",
    "shared",
    "mutual",
    "synap\\w*",
    "neurons?",
    "cells?",
    "nuclei",
    "nucleus",
    "partners?",
    "inputs?",
    "outputs?",
    "connections?",
    "contacts?",
    "types?",
    "kinds?",
    "class(es)?",
    "m-?types?",
    "roots?",
    "root",
    "segments?",
    "ids?",
    "somata",
    "somas?",
    "axons?",
    "dendrites?",
    "times?",
    "more",
    "of",
    "different",
    "distinct",
    "unique",
    "postsynaptic",
    "presynaptic",
    "excitatory",
    "inhibitory",
    "proofread\\w*",
    "coregistered",
    "are",
    "is",
    "do",
    "does",
    "total",
    "in",
    "there",
    "were",
    "have",
    "has",
    "non\\w*",
    "glia\\w*",
    "interneurons?",
    "targets?",
    "sources?",
    "rows?",
    "entries",
    "records?",
    "pairs?",
    "voxels?",
  ].join("|")})$`,
);

/**
 * Unmatched words used as cell names ("chandelier cells", "martinoti cells", "how many astrocites"):
 * candidates for fuzzy matching.
 */
export function unknownNames(tokens: Token[], mentions: Mention[]): { text: string; start: number }[] {
  const covered = new Set<number>();
  for (const m of mentions) for (let k = m.start; k < m.end; k++) covered.add(k);
  const out: { text: string; start: number }[] = [];
  const seen = new Set<number>();
  tokens.forEach((t, i) => {
    if (!["cell", "cells", "neuron", "neurons", "interneuron", "interneurons"].includes(t.lower) || covered.has(i))
      return;
    const words: Token[] = [];
    for (let k = i - 1; k >= 0 && words.length < 2; k--) {
      const w = tokens[k]!;
      if (covered.has(k) || NOT_NAMES.has(w.lower) || /^\d+$/.test(w.text) || !/[a-z]/i.test(w.text)) break;
      words.unshift(w);
    }
    if (words.length) {
      out.push({ text: words.map((w) => w.text).join(" "), start: words[0]!.index });
      for (const w of words) seen.add(w.index);
    }
  });
  // "how many astrocites", "how many zebras are there": the word after "how many" names what is counted.
  tokens.forEach((t, i) => {
    if (t.lower !== "many" || tokens[i - 1]?.lower !== "how") return;
    const w = tokens[i + 1];
    if (
      !w ||
      covered.has(i + 1) ||
      seen.has(i + 1) ||
      COUNTED_NOUNS.test(w.lower) ||
      !/^[a-z][a-z0-9-]*$/i.test(w.text) ||
      /^\d/.test(w.text)
    )
      return;
    if (["cell", "cells", "neuron", "neurons"].includes(tokens[i + 2]?.lower ?? "")) return; // handled above
    out.push({ text: w.text, start: w.index });
  });
  // "cells of type xyz123", "type X cells": a name given as a type that the vocabulary does not have.
  tokens.forEach((t, i) => {
    if (!/^(type|m-?type|subtype|class)$/.test(t.lower)) return;
    const w = tokens[i + 1];
    if (
      !w ||
      covered.has(i + 1) ||
      seen.has(i + 1) ||
      NOT_NAMES.has(w.lower) ||
      COUNTED_NOUNS.test(w.lower) ||
      /^\d+$/.test(w.text) ||
      !/[a-z0-9]/i.test(w.text)
    )
      return;
    if (!/^(of|cell|called|named)$/.test(tokens[i - 1]?.lower ?? "")) return; // "of type X", "cell type X"
    // "cell type X" names X only at the end or before a cell noun ("cell type xyz cells"),
    // not "cell type provides ...".
    const next = tokens[i + 2]?.lower;
    if (tokens[i - 1]?.lower === "cell" && next !== undefined && !["cell", "cells", "neuron", "neurons"].includes(next))
      return;
    out.push({ text: w.text, start: w.index });
  });
  // "from L23 to L5ET": a word shaped like a layer-and-type name ("L23", "L6IT") that is not one,
  // which would otherwise drop out of the question. ("in L4" is a place: asked back elsewhere.)
  tokens.forEach((t, i) => {
    if (covered.has(i) || seen.has(i) || !/^L\d[\w/-]*$/i.test(t.text)) return;
    if (/^(in|within|inside|of)$/.test(tokens[i - 1]?.lower ?? "")) return;
    out.push({ text: t.text, start: t.index });
  });
  return out;
}
