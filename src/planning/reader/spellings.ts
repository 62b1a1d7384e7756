import type { Prepared } from "./prepare.js";
import { misspellings } from "./typos.js";

/**
 * Misspellings of data/misspellings.json written as meant before the other steps read the text ("avg # post partnrs
 * per BPC" had been missed by the steps that read "partners", the reader correcting it only later). Only words of
 * five letters or more: the short ones ("his", "tot", "cel") the reader corrects where nothing else reads them.
 */
export function spellings(p: Prepared): Prepared {
  const words = misspellings();
  const text = p.text.replace(/[A-Za-z][A-Za-z'-]{4,}/g, (w) => words[w.toLowerCase()] ?? w);
  return text === p.text ? p : { ...p, text };
}
