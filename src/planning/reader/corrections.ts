import type { Prepared } from "./prepare.js";
import { namesOf } from "./words.js";

/*
 * Self-corrections typed in the flow of a question: "from the BCs — sorry, I mean MCs — in total",
 * "BCs vs NGCs — no wait, MCs, not NGCs.", "in L4, I mean L5,". The name said first is replaced by
 * the one that corrects it, when both name a value of the same kind (two cell types, two layers);
 * anything else is left for the reader, which asks back about what it cannot read.
 */

const NAME = String.raw`[\w/+-]+(?:\s+(?:ET|IT|NP|CT|cells?|neurons?))?`;
const OOPS = String.raw`(?:(?:sorry|oops|whoops|no\s+wait|wait|no,|err|erm|uh|um|correction)[\s,!.]*)`;
const CORRECTION = new RegExp(
  String.raw`(?<x>${NAME})\s*(?:[—–(]|--|\s-\s|,)\s*` +
    String.raw`(?:${OOPS}+(?:I\s+meant?\s+|make\s+that\s+|rather\s+)?|I\s+meant?\s+)` +
    String.raw`(?<y>${NAME})(?:\s*,?\s*not\s+(?<z>${NAME}))?\s*(?:[—–)]|--|\s-(?=\s)|,)?`,
  "gi",
);

/** "Not partially extended, fully extended axons only, please.": the value taken back said first. */
const NOT_THEN_ONLY =
  /(?:^|(?<=[.!?]\s+))not\s+([\w/-]+(?:\s+[\w/-]+){0,3}?)\s*,\s*([\w/-]+(?:\s+[\w/-]+){0,4}?)\s+only\b/gi;

/** The kind of value a text names ("cell_type", "layer"), when it names exactly one. */
function kindOf(text: string): string | undefined {
  const names = namesOf(text);
  if (names.length !== 1) return undefined;
  const tag = names[0]!.tag as { t: string; dim?: unknown };
  return tag.t === "val" ? String(tag.dim) : undefined;
}

const singular = (t: string) => t.toLowerCase().replace(/s$/, "");

export function corrections(p: Prepared): Prepared {
  const context: string[] = [];
  const text = p.text.replace(CORRECTION, (all: string, ...args: unknown[]) => {
    const g = args[args.length - 1] as { x: string; y: string; z?: string };
    const kind = kindOf(g.x);
    if (!kind || kindOf(g.y) !== kind) return all;
    // ("…, not NGCs": what is taken back must be what was said first.)
    if (g.z && singular(g.z) !== singular(g.x)) return all;
    context.push(all.trim());
    return ` ${g.y} `;
  });
  if (!context.length) return p;
  return {
    ...p,
    text: text.replace(/\s{2,}/g, " ").replace(/\s+([,.?!])/g, "$1"),
    context: [...p.context, ...context],
  };
}

/**
 * "Not partially extended, fully extended axons only, please.", "not BC, MC only": a value taken back and the one
 * meant, said first. (A first-try step: read as it stands, both values had been excluded.)
 */
export function takenBack(p: Prepared): Prepared {
  const context: string[] = [];
  const text = p.text.replace(NOT_THEN_ONLY, (all: string, x: string, y: string) => {
    const kind = kindOf(x);
    if (!kind || kindOf(y) !== kind) return all;
    context.push(`not ${x}`);
    return `${y} only`;
  });
  return context.length ? { ...p, text, context: [...p.context, ...context] } : p;
}
