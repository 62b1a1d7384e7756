import { phraseKey, type Lexicon } from "../lexicon.js";

/**
 * Whether a part kept as typed holds a word the reader surely cannot read, so that it asks back
 * about it: a SQL name (cell_type, pre.area, cre_line) or a plain lower-case word its lexicon does
 * not know, not even as a typo (hemisphere, sex, limit). A part the reader could read ("avg(pref_ori)",
 * "depth > 300" said of synapses) would be read without its SQL meaning; such a question is left
 * whole as typed instead (see pseudoSql).
 */
export function foreign(text: string, lexicon: Lexicon): boolean {
  // A SQL name, unless the lexicon reads it ("pref_ori", "pt_root_id" are its words too).
  const names = text.match(/[A-Za-z]\w*(?:[_.]\w+)+/g) ?? [];
  if (names.some((n) => /[a-z][_.][a-z]/i.test(n) && !lexicon.phrases.has(phraseKey(n)))) return true;
  const words = text.replace(/[A-Za-z]\w*(?:[_.]\w+)+/g, " ").match(/[A-Za-z]+/g) ?? [];
  return words.some((w) => /^[a-z]{3,}$/.test(w) && !known(w, lexicon));
}

function known(word: string, lexicon: Lexicon): boolean {
  return (
    lexicon.phrases.has(word) ||
    lexicon.functionWords.has(word) ||
    lexicon.scope.has(word) ||
    lexicon.correct(word) !== undefined
  );
}
