import type { Prepared } from "./prepare.js";

// (Up to four words, none of them "nor": "neither 23P nor 4P", "neither neurons nor glia".)
const NEITHER = /\bneither\s+((?:(?!nor\b)[\w/+'-]+\s+){0,3}?(?!nor\b)[\w/+'-]+)\s+nor\s+/gi;
const EXCLUDING = String.raw`(?:except(?: for)?|excluding|other than|apart from|aside from|but not|besides)`;
const THOSE = String.raw`(?:those|the ones|ones)(?:\s+(?:that|which|who)(?:\s+(?:are|is|were|sit|lie))?)?`;
const EXCEPT_THOSE = new RegExp(String.raw`\b${EXCLUDING}\s+${THOSE}\s+`, "gi");

/**
 * "cells that are neither 23P nor 4P", "BCs except those in V1", "synapses onto 23P excluding those
 * from BCs": ways of saying "not", rewritten into the "not" the reader knows ("not 23P and not 4P", "not in
 * V1", "not from BCs"). Nothing is dropped: the condition stays, negated.
 */
export function exclusions(p: Prepared): Prepared {
  // (", neither axon nor dendrite", "(neither …)": an aside that restates what was said is left as typed.)
  const text = p.text
    .replace(NEITHER, (all, what: string, at: number, whole: string) =>
      /[,(]\s*$/.test(whole.slice(0, at)) ? all : `not ${what} and not `,
    )
    .replace(EXCEPT_THOSE, "not ");
  return text === p.text ? p : { ...p, text };
}
