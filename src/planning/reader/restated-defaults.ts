import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DATA_DIR } from "../../project-root.js";
import { phraseSource } from "./discourse-data.js";
import type { Prepared } from "./prepare.js";

const RestatedFile = z.object({
  about: z.array(z.string()),
  defaults: z.array(z.object({ phrases: z.array(z.string().min(1)), about: z.string().min(1), note: z.string() })),
});

let rules: { phrases: RegExp[]; about: RegExp }[] | undefined;

function load(): { phrases: RegExp[]; about: RegExp }[] {
  const file = RestatedFile.parse(JSON.parse(readFileSync(join(DATA_DIR, "restated-defaults.json"), "utf8")));
  return file.defaults.map((d) => ({
    // ("(fragments included)", ", incl. fragments", "fragments included": brackets and a comma go too.)
    // (Not after a negation: "not pooled" says the opposite of the default.)
    phrases: d.phrases.map(
      (x) =>
        new RegExp(
          String.raw`\s*[,;]?\s*(?<open>\()?\s*(?<!\b(?:not|non|never)[\s-]*)` +
            String.raw`(?<!\w)(?<said>${phraseSource(x)})(?![\w-])\s*(?<close>\))?`,
          "gi",
        ),
    ),
    about: new RegExp(String.raw`\b(${d.about})\b`, "i"),
  }));
}

/**
 * "How many distinct postsynaptic partners do BPCs have (fragments included)?": a phrase that says
 * again what the reader does anyway is set aside as context, so it is not read as a restriction
 * ("fragments" alone restricts to them). Only when the question speaks of what the default is about.
 */
export function restatedDefaults(p: Prepared): Prepared {
  rules ??= load();
  let { text } = p;
  const context: string[] = [];
  // (Each rule as often as it is said: "one tuning row per cell (its best scan)" says it twice.)
  for (const rule of rules) {
    for (let again = 0; again < 3; again++) {
      // (The first match that leaves what it is about said: "E / I" in "E/I ratio (exc syn / inh syn)" does not.)
      // (The longest phrase said: "one value per cell = its best scan" whole, not "one value per cell".)
      const m = rule.phrases
        .flatMap((re) => [...text.matchAll(re)])
        .filter((x) => rule.about.test(text.replace(x[0], " ")))
        .sort((a, b) => b[0].length - a[0].length || a.index - b.index)[0];
      if (!m) break;
      const { open, said, close } = m.groups!;
      context.push(said!);
      // (A phrase inside brackets with other words, "(unique roots, fragments included)", leaves the rest.)
      const inside = Boolean(open) !== Boolean(close) ? (open ?? "") + (close ?? "") : "";
      text = (text.slice(0, m.index) + (inside ? ` ${inside}` : " ") + text.slice(m.index + m[0].length)).trim();
    }
  }
  return context.length
    ? { text: text.replace(/\s+\)/g, ")").replace(/\(\s*,?\s*/g, "("), context: [...p.context, ...context] }
    : p;
}
