import { as, is, lower, silent, use, type Atom } from "./atoms.js";
import type { Tag } from "./lexicon.js";
import { Unreadable } from "./filters.js";
import { FLOW_WORDS } from "./shape.js";
import { askedDifference, ASKS_CONTRAST, COUNTING } from "./contrast.js";

/**
 * Comparisons said with a comparative or with "compare": "are there more BCs or MCs?", "which has
 * larger nuclei, astrocytes or microglia?", "are BC→23P synapses bigger than MC→23P ones?",
 * "compare the number of 6P-IT and 6P-CT cells". In such a question "or" and "than" separate the
 * things compared, as "vs" does; a leading "compare" says that a comparison is asked (and is read
 * only when the question names what is compared); and the comparative word is read as what is
 * compared when nothing else says it: "more"/"fewer" a count, "larger"/"bigger"/"smaller" nuclei
 * their mean volume and synapses their mean size. Runs on the atoms after numbers are read ("more
 * than 100" is a threshold by then, not a comparison) and before populations are joined.
 */
export function readComparatives(input: Atom[]): Atom[] {
  // "bigger than MC→23P" with no number after: a comparison, not a threshold.
  const atoms = input.map((a, i) =>
    is(a, "cmp") && COMPARED_THAN.test(lower(a)) && !is(input[i + 1], "num") && !is(input[i + 1], "threshold")
      ? { tag: { t: "vs", more: lower(a).split(" ")[0] }, alt: [], items: a.items }
      : a,
  );
  const comparative = atoms.findIndex((a) => is(a, "more") || (is(a, "vs") && Boolean(as(a, "vs")!.more)));
  cellByCell(atoms, comparative);
  const lead = leadingCompare(atoms);
  if (comparative < 0 && lead < 0) return atoms;
  let out = atoms.map((a, i) => {
    // "more BCs or MCs", "bigger than MC→23P": the words that separate the things compared.
    const separates =
      (is(a, "rel", "r", "or") && !/^(and\/or|either)$/.test(lower(a))) ||
      (lower(a) === "than" && i > comparative && comparative >= 0);
    return separates ? vs(a) : a;
  });
  out = withoutRepeatedPrepositions(out);
  out = alternativesForWhich(out);
  if (lead >= 0) {
    const rest = out.slice(lead + 1);
    // "compare A with B", "compare A to B": with no other separator, "with" separates.
    if (!rest.some((a) => is(a, "vs") || is(a, "rel", "r", "and"))) {
      const w = out.findIndex((a, i) => i > lead && (lower(a) === "with" || lower(a) === "to" || lower(a) === "and"));
      if (w > 0 && lower(out[w]) === "with") out[w] = vs(out[w]!);
    }
    // ("compare the median volume between 5P-ET, 5P-IT and 5P-NP": the sets named, not synapses between them.)
    const among = out.findIndex((a, i) => i > lead && /^(between|among|amongst|across)$/.test(lower(a)));
    const flows = out.some((a) => is(a, "noun") && FLOW_WORDS.has(String(as(a, "noun")!.n)));
    if (among > 0 && !flows && out.slice(among + 1).some((a) => is(a, "rel", "r", "and"))) {
      use(out[among]);
      out[among] = { tag: { t: "fn" }, alt: [], items: out[among]!.items };
    }
    const grouping = (a: Atom) => is(a, "per") || a.items.some((x) => /^(both|each|across|per|by)$/i.test(x.text));
    if (out.slice(lead + 1).some((a) => is(a, "vs") || is(a, "rel", "r", "and") || grouping(a))) {
      use(out[lead]);
      // (Kept as a mark that a comparison was asked, for the check that one was made.)
      const contrast = out[lead]!.tag.contrast ? { contrast: out[lead]!.tag.contrast } : {};
      const asked: Atom = { tag: { t: "fn", compareAsked: true, ...contrast }, alt: [], items: out[lead]!.items };
      out = [...out.slice(0, lead), asked, ...out.slice(lead + 1)];
    }
  }
  return askedDifference(rankedAsAsked(readComparativeWord(out), atoms[comparative]), comparative);
}

/**
 * "which is deeper, 6P-IT or 6P-CT", "are BC synapses bigger than MC ones": the sets compared are
 * shown in the order the comparative asks (the deeper first; the smaller first for "smaller").
 */
function rankedAsAsked(atoms: Atom[], word: Atom | undefined): Atom[] {
  if (!word || !atoms.some((a) => is(a, "vs") || is(a, "rel", "r", "or")) || atoms.some((a) => is(a, "order"))) {
    return atoms;
  }
  const said = String(as(word, "vs")?.more ?? lower(word));
  const dir = /^(smaller|shallower|fewer|less|lower|weaker)$/.test(said) ? "asc" : "desc";
  return [...atoms, silent({ t: "order", dir }, atoms[atoms.length - 1]!)];
}

const vs = (a: Atom): Atom => ({ tag: { t: "vs" }, alt: [], items: a.items });
const COMPARED_THAN =
  /^(more|less|fewer|bigger|larger|smaller|higher|lower|greater|stronger|weaker|deeper|shallower) than$/;

/** "compare …", "please compare …": "compare" before anything it could stand between. */
function leadingCompare(atoms: Atom[]): number {
  // ("bar chart comparing mean size across types": a chart may come first.)
  const i = atoms.findIndex((a) => is(a, "vs") && /^(compa|comparison|difference)/.test(lower(a)));
  return i >= 0 && atoms.slice(0, i).every((a) => a.items.every((x) => x.fn) || is(a, "chart")) ? i : -1;
}

/** "in V1 and in LM", "for BC→23P or for MC→23P": a preposition said again after the separator. */
function withoutRepeatedPrepositions(atoms: Atom[]): Atom[] {
  return atoms.filter((a, i) => {
    const prev = atoms[i - 1];
    if (
      !(is(prev, "vs") || is(prev, "rel", "r", "and")) ||
      !/^(in|for|from|of|onto|on|to|among|within)$/.test(lower(a))
    )
      return true;
    const said = atoms.slice(0, i - 1).some((b) => lower(b) === lower(a));
    if (said) use(a);
    return !said;
  });
}

const MEASURES = [
  "count",
  "stat",
  "fraction",
  "probability",
  "ratio",
  "per_cell",
  "per_connection",
  "distribution",
  "pctl",
];

/**
 * The comparative word: a restatement when the question says what is measured ("higher connection
 * probability", "more … by mean gOSI"); else what it implies, when it implies one thing.
 */
function readComparativeWord(atoms: Atom[]): Atom[] {
  const i = atoms.findIndex((a) => is(a, "more") || Boolean(as(a, "vs")?.more));
  if (i < 0) return atoms;
  const word = String(as(atoms[i], "vs")?.more ?? lower(atoms[i]));
  // ("how much bigger": "how much" asks for a difference (askedDifference); it does not say what is measured.)
  const asking = !COUNTING.test(word) && ASKS_CONTRAST.test(lower(atoms[i - 1]));
  const others = (t: string) => atoms.some((a, j) => j !== i && !(asking && j === i - 1) && is(a, t));
  const quantity = atoms.some((a, j) => j !== i && is(a, "qty") && !is(a, "qty", "q", "big"));
  const stated = quantity || MEASURES.some((t) => t !== "stat" && others(t));
  // The word is read as what it implies; a separator ("bigger than") stays one, and what it implies
  // is added beside it, as words of no text (the reading accounts for the separator's words).
  const implies = (tags: Tag[]) => {
    if (!is(atoms[i], "vs"))
      return atoms.map((a, n) => (n !== i ? a : { tag: tags[0] ?? { t: "fn" }, alt: tags.slice(1), items: a.items }));
    return [...atoms.slice(0, i + 1), ...tags.map((tag) => silent(tag, atoms[i]!)), ...atoms.slice(i + 1)];
  };
  if (stated) {
    use(atoms[i]);
    return atoms;
  }
  const next = atoms.slice(i + 1).find((a) => !a.items.every((x) => x.fn));
  const before = atoms
    .slice(0, i)
    .reverse()
    .find((a) => !a.items.every((x) => x.fn) && !is(a, "verb"));
  const mean: Tag[] = others("stat") ? [] : [{ t: "stat", fn: "mean" }];
  if (COUNTING.test(word)) {
    if (others("stat") || others("count")) {
      use(atoms[i]);
      return atoms;
    }
    return implies([{ t: "count" }]);
  }
  // ("which is larger on average, the nucleus of a BC or of an MC": the nucleus said after the word.)
  const compared = atoms.some((a) => is(a, "vs") || is(a, "rel", "r", "or"));
  const later = compared ? atoms.slice(i + 1).find((a) => is(a, "noun", "n", "nucleus")) : undefined;
  // ("which is deeper on average, 6P-IT or 6P-CT": the mean soma depth of each, when sets are compared.)
  if (/^(deeper|shallower)$/.test(word)) {
    return compared ? implies([...mean, { t: "qty", q: "depth" }]) : atoms;
  }
  // ("are 23P->23P connections stronger than 4P->23P connections?": the synapses per connection; "stronger
  // synapses": their mean size. It had been read as a count of them.)
  if (/^(stronger|weaker)$/.test(word)) {
    if (atoms.some((a) => is(a, "noun", "n", "connection"))) return implies([{ t: "per_connection" }]);
    if (atoms.some((a) => is(a, "noun", "n", "synapse"))) return implies([...mean, { t: "qty", q: "size" }]);
    throw new Unreadable('Stronger by what? For example "synapses per connection, 23P→23P vs 4P→23P".');
  }
  if (!/^(larger|bigger|smaller|greater)$/.test(word)) return atoms;
  // "larger nuclei", "is its nucleus bigger": their mean volume; "bigger synapses": their mean size.
  const nucleus = [next, before, later].find((a) => is(a, "noun", "n", "nucleus"));
  if (nucleus) {
    const k = atoms.indexOf(nucleus);
    if (!mean.length) use(atoms[i]);
    return (mean.length ? implies(mean) : atoms).map((a, n) =>
      n === k ? { tag: { t: "qty", q: "volume" }, alt: [], items: a.items } : a,
    );
  }
  // ("are the synapses from NGC onto 23P smaller than those from BPC": the synapses said first.)
  // ("are BC synapses onto 23P larger than MC synapses onto 23P": synapses are the subject, named before the word.)
  const synapsesFirst = atoms.slice(0, i).find((a) => !a.items.every((x) => x.fn) && !is(a, "verb"));
  const subject = atoms.slice(0, i).filter((a) => !is(a, "rel") && !a.items.every((x) => x.fn) && !is(a, "verb"));
  const synapsesSubject = subject.length <= 3 && subject.some((a) => is(a, "noun", "n", "synapse"));
  // ("how much bigger are BC synapses than MC synapses": the synapses said after the word, when sets are compared.)
  const laterSynapses = compared && asking && atoms.slice(i + 1).some((a) => is(a, "noun", "n", "synapse"));
  if ([next, before, synapsesFirst].some((a) => is(a, "noun", "n", "synapse")) || synapsesSubject || laterSynapses)
    return implies([...mean, { t: "qty", q: "size" }]);
  // "which population is larger": the one with more cells.
  if (atoms.slice(0, i).some((a) => a.items.some((x) => /^populations?$/i.test(x.text))))
    return implies([{ t: "count" }]);
  return atoms;
}

/**
 * "how many BCs are deeper than the deepest MC", "which synapses onto 23P are larger than BC synapses":
 * the cells (or synapses) of one set counted or listed by comparing each with another set. No plan
 * compares rows one by one with another set; read as a comparison of the two sets, the count of each
 * had been answered. Asked back.
 */
function cellByCell(atoms: Atom[], i: number): void {
  const word = String(as(atoms[i], "vs")?.more ?? "");
  if (i < 0 || !word || COUNTING.test(word)) return;
  // ("is the number of BC synapses onto 23P larger than …": two counts compared, a yes/no question.)
  if (/^(is|are|was|were)$/i.test(lower(atoms[0]))) return;
  const counted = atoms
    .slice(0, i)
    .some((a) => (is(a, "count") && !/^how much$/i.test(lower(a))) || (is(a, "wh") && /^which$/i.test(lower(a))));
  const after = atoms.slice(i + 1).find((a) => !a.items.every((x) => x.fn));
  // (Populations are not joined yet: a name, a superlative or a noun of cells after "than".)
  const named = is(after, "pop") || is(after, "val") || is(after, "sup") || is(after, "noun");
  if (!counted || !named) return;
  throw new Unreadable(
    `Counting the ones "${word} than" another set compares them one by one, which I cannot do; ` +
      `ask for each set's figure instead, for example "mean depth of BCs vs MCs".`,
  );
}

/** Nouns that also read as the verb after "which": "which targets / contacts / inputs more …". */
const VERB_NOUNS = new Set(["synapse", "target", "input", "output", "source", "partner", "connection"]);

/** The noun that names the kind of a value ("which type …, BC or MC"). */
const KIND_OF: Record<string, string> = {
  cell_type: "type",
  class: "class",
  mtype: "mtype",
  area: "area",
  layer: "layer",
};

/**
 * "Which provides more synapses onto 23P: BC or MC?", "which has larger nuclei, astrocytes or
 * microglia?": "which" asks which of the alternatives at the end, so they are read in its place.
 */
function alternativesForWhich(atoms: Atom[]): Atom[] {
  const w = atoms.findIndex(
    (a) => is(a, "wh", "w", "which") || is(a, "wh", "w", "who") || /^which( one)?$/i.test(lower(a)),
  );
  if (w < 0 || !atoms.slice(0, w).every((a) => a.items.every((x) => x.fn))) return atoms;
  // (Not "which area has more neurons, RL or AL": "which area" names the alternatives' kind.)
  // ("which contacts more 23P cells, BC or MC": a noun that is the verb of the question is no kind.)
  // ("which type targets more 23P cells, BC or MC": the kind named is the alternatives' own, moved with them.)
  const after = atoms[w + 1];
  const noun = is(after, "noun") ? String(as(after, "noun")!.n) : undefined;
  const ownKind = (tail: Atom[]) =>
    tail.some((a) => is(a, "val")) && tail.every((a) => !is(a, "val") || KIND_OF[String(a.tag.dim)] === noun);
  if (is(after, "val")) return atoms;
  let end = atoms.length;
  while (end > 0 && /^[?.!]$/.test(lower(atoms[end - 1]))) end--;
  const cut =
    atoms
      .slice(0, end)
      .map((a) => lower(a))
      .lastIndexOf(",") > w
      ? atoms
          .slice(0, end)
          .map((a) => lower(a))
          .lastIndexOf(",")
      : atoms
          .slice(0, end)
          .map((a) => lower(a))
          .lastIndexOf(":");
  if (cut <= w + 1) return atoms;
  const tail = atoms.slice(cut + 1, end);
  if (noun && !VERB_NOUNS.has(noun) && !ownKind(tail)) return atoms;
  const names = tail.filter((a) => is(a, "val") || is(a, "noun"));
  const seps = tail.filter((a) => is(a, "vs") || is(a, "rel", "r", "and") || lower(a) === ",");
  if (
    names.length < 2 ||
    !seps.some((a) => is(a, "vs")) ||
    tail.some((a) => !names.includes(a) && !seps.includes(a) && !a.items.every((x) => x.fn))
  ) {
    return atoms;
  }
  use(atoms[w], atoms[cut]);
  return [...atoms.slice(0, w), ...tail, ...atoms.slice(w + 1, cut), ...atoms.slice(end)];
}
