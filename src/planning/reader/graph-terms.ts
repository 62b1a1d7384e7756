import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DATA_DIR } from "../../project-root.js";
import type { Prepared } from "./prepare.js";

const GraphTermsFile = z.object({
  about: z.array(z.string()),
  terms: z.array(z.object({ phrases: z.array(z.string().min(1)), means: z.string().min(1) })),
  flows: z.array(z.object({ phrases: z.array(z.string().min(1)), means: z.string().min(1) })).default([]),
});

// (Spaces match any run of spaces; a hyphen is a hyphen: "in-degree" is a term, "in degree" a unit.)
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");

interface Term {
  phrase: RegExp;
  /** The term with a bound after it: "a fan-out of more than 70", "fan-out above 70". */
  bounded: RegExp;
  /** The term with a cell's name right after it: "avg in-degree 5P-ET". */
  named: RegExp;
  means: string;
}
/** A term said of a flow between two named populations ("convergence 23P→5P-ET"). */
interface FlowTerm {
  phrase: RegExp;
  means: string;
}
let loaded: { terms: Term[]; flows: FlowTerm[] } | undefined;

const BOUND =
  String.raw`(more than|over|above|greater than|at least|>=|>|≥|` +
  String.raw`less than|fewer than|below|under|at most|<=|<|≤)`;

/** A cell type's short name or a capitalized name ("5P-ET", "23P", "BC", "L2/3 pyr", "Martinotti"), not an id. */
const NAME_AFTER = String.raw`(?:\d+[A-Za-z][\w/-]*|[A-Z][\w/-]*)(?![\w/-])`;

function load(): { terms: Term[]; flows: FlowTerm[] } {
  const file = GraphTermsFile.parse(JSON.parse(readFileSync(join(DATA_DIR, "graph-terms.json"), "utf8")));
  const name = String.raw`([\w/-]*[A-Za-z][\w/-]*)`;
  const arrow = String.raw`\s*(?:→|->|=>|>|\s(?:onto|to)\s)\s*`;
  const flows = file.flows.map((f) => ({
    // ("avg divergence BC→23P": the mean is what the term means already.)
    phrase: new RegExp(
      String.raw`\b(?:(?:avg|average|mean)\s+)?(?:${f.phrases.map(escape).join("|")})\s+` +
        String.raw`(?:of\s+|from\s+)?${name}${arrow}${name}`,
      "gi",
    ),
    means: f.means,
  }));
  const terms = file.terms.map((t) => {
    // ("its fan-out", "the out-degree", "a fan-out of": the article goes with the term, "the number of" takes it.)
    const term = String.raw`(?:\b(?:the|a|its|their)\s+)?\b(?:${t.phrases.map(escape).join("|")})(?![\w-])`;
    return {
      phrase: new RegExp(term, "gi"),
      // ("max fan-in over 4P cells": "over 4P" names cells; a bound is a whole number.)
      bounded: new RegExp(String.raw`${term}\s+(?:of\s+)?${BOUND}\s*(\d+)(?![\w/-])`, "gi"),
      named: new RegExp(String.raw`${term}(?=\s+${NAME_AFTER})`, "gi"),
      means: t.means,
    };
  });
  return { terms, flows };
}

/** The term as the reader reads it, keeping "its"/"their" ("its fan-out": its # postsynaptic partners). */
const meaning = (said: string, means: string) =>
  (/^(its|their)\s/i.test(said) ? `${said.split(/\s/)[0]} ` : "") + means;

const PARTNER_COUNT =
  /\b((?:(?:pre|post)[\s-]?synaptic|input|output|upstream|downstream|pre|post)\s+)partners?\s+counts?\b/gi;

/**
 * "out-degree pls: 8646…", "MCs with a fan-out above 70", "mean in-degree of 6P-CT": a degree is a count of
 * distinct partners (data/graph-terms.json), said in the words the reader reads ("# postsynaptic
 * partners"); it had been read as a count of synapses.
 */
export function graphTerms(p: Prepared): Prepared {
  const { terms, flows } = (loaded ??= load());
  // ("postsynaptic partner count of 8646…": the count is of the partners; it had counted the root's own side.)
  let text = p.text.replace(PARTNER_COUNT, (_m, kind: string) => `# ${kind}partners`);
  for (const f of flows)
    text = text.replace(f.phrase, (_m, pre: string, post: string) =>
      f.means.replace("{pre}", pre).replace("{post}", post),
    );
  for (const t of terms) {
    // ("MCs with a fan-out of more than 70": with more than 70 postsynaptic partners.)
    const partners = t.means.replace(/^#\s*/, "");
    text = text.replace(t.bounded, (_m, bound: string, n: string) => `${bound} ${n} ${partners}`);
    // ("avg in-degree 5P-ET": a cell's name right after the term is whose degree it is.)
    text = text.replace(t.named, (m) => meaning(m, `${t.means} of`));
    text = text.replace(t.phrase, (m) => meaning(m, t.means));
  }
  return text === p.text ? p : { ...p, text };
}
