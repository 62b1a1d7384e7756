import type { Prepared } from "./prepare.js";

/*
 * "What is the size of the 6P-CT population?", "how big is the L6 CT population", "population size
 * for the corticothalamic cells": the size of a population is how many cells it has. Only with the
 * word "population", so "the size of BC synapses" stays a synapse size.
 */

const NAME = String.raw`([\w/+.-]+(?:\s+[\w/+.-]+){0,4}?)`;
const WHAT = String.raw`(?:what(?:'s|\s+is)\s+)?(?:the\s+)?`;
const FORMS: RegExp[] = [
  new RegExp(String.raw`\b${WHAT}size\s+of\s+(?:the\s+)?${NAME}\s+population\b`, "i"),
  new RegExp(String.raw`\bhow\s+(?:big|large)\s+is\s+(?:the\s+)?${NAME}\s+population\b`, "i"),
  new RegExp(String.raw`\b${WHAT}population\s+size\s+(?:of|for)\s+(?:the\s+)?${NAME}(?=\s*(?:[-,;:?]|$))`, "i"),
  new RegExp(String.raw`\b${WHAT}${NAME}\s+population\s+size\b`, "i"),
];
/** What such a question may say again at its end: "…, size?", "… - how large is it?". */
const SAID_AGAIN = /\s*[-–—,;:]\s*(?:size|its size|how (?:big|large|many)(?: is it| are they)?)\s*\??\s*$/i;

export function populationSize(p: Prepared): Prepared {
  for (const form of FORMS) {
    const m = form.exec(p.text);
    if (!m || /\b(synapses?|syn|connections?|nucle(?:us|i))\b/i.test(m[1]!)) continue;
    const text = (p.text.slice(0, m.index) + `how many ${m[1]}` + p.text.slice(m.index + m[0].length))
      .replace(SAID_AGAIN, "?")
      .trim();
    return { ...p, text };
  }
  return p;
}
