import type { PlannerResult } from "../plan.js";
import { idsIn } from "./carry.js";
import type { Prepared } from "./prepare.js";

/**
 * "I'm looking at 8646… today. # input syn from BCs?": the root named in a sentence set aside as
 * context is what an ask naming no root is about. Read without it, the ask counted every BC output;
 * so the ask is read again as said of that root ("8646…: # input syn from BCs?"), and answered only
 * if the plan is then about it. Otherwise it is asked back: an answer that silently leaves out the
 * root named first may well be about other cells than the asker meant.
 */
export async function rootSetAside(
  prepared: Prepared,
  result: PlannerResult,
  reread: (q: string) => Promise<PlannerResult>,
): Promise<PlannerResult> {
  if (result.type !== "plan") return result;
  const asked = idsIn(prepared.text);
  const aside = [...idsIn(prepared.context.join(" "))].filter((id) => !asked.has(id));
  if (!aside.length || asked.size || aboutRoot(result, aside)) return result;
  if (aside.length === 1) {
    const again = await reread(`${aside[0]}: ${prepared.text}`);
    if (aboutRoot(again, aside)) return again;
  }
  const ids = aside.join(", ");
  return {
    type: "clarify",
    message:
      `You named ${ids} before the question, and the question as I read it is not about ${
        aside.length > 1 ? "them" : "it"
      }. ` + `Say which root the question is about, e.g. "synapses from BC onto ${aside[0]}".`,
    suggestions: [],
  };
}

const aboutRoot = (r: PlannerResult, ids: string[]) =>
  r.type === "plan" && ids.some((id) => JSON.stringify(r.plan).includes(id));
