import type { LookupPlan, PlannerResult, Population, QueryPlan, SynapseGroup } from "../plan.js";
import type { Question } from "./planner.js";
import type { Mention } from "./mentions.js";

/**
 * Follow-ups in a thread change the last plan: "and onto 4P?", "what about MC?", "only the top 3",
 * "what about inputs?", "plot that". Returns undefined when the question is not a follow-up.
 */
export function applyFollowUp(q: Question, last: QueryPlan): PlannerResult | undefined {
  const short = q.tokens.length <= 8;
  const lead = /^\s*(and|what about|how about|same for|same but|now|only|just|also|instead|but|ok|okay|then)\b/i.test(q.text);
  if (!lead && !short) return undefined;
  if (!lead && /\b(how many|what is|what's|which|who|show me the|list)\b/i.test(q.text) && q.tokens.length > 5) return undefined;

  const plan = structuredClone(last) as QueryPlan;
  let changed = false;

  // Top-k.
  const k = /\b(?:top|first)\s+(\d{1,4})\b|\bonly (?:the )?(\d{1,4})\b|\bjust (?:the )?(\d{1,4})\b/.exec(q.lower);
  if (k && "limit" in plan) {
    (plan as { limit?: number }).limit = Number(k[1] ?? k[2] ?? k[3]);
    changed = true;
  }

  // Direction swap: "what about inputs?" / "and outputs?".
  if (plan.kind === "synapses" && /\b(inputs?|incoming|presynaptic partners|upstream)\b/.test(q.lower) !== /\b(outputs?|outgoing|postsynaptic partners|downstream|targets?)\b/.test(q.lower) && q.mentions.length === 0) {
    const wantInputs = /\b(inputs?|incoming|presynaptic partners|upstream)\b/.test(q.lower);
    const named = plan.pre.rootIds || plan.pre.nucleusIds || plan.pre.cellTypes ? "pre" : "post";
    const currentlyInputs = named === "post";
    if (wantInputs !== currentlyInputs) {
      const swapped = { ...plan, pre: plan.post, post: plan.pre, groupBy: plan.groupBy.map(flip) };
      if (plan.partnerSide) swapped.partnerSide = plan.partnerSide === "pre" ? "post" : "pre";
      if (plan.fractionOf) swapped.fractionOf = plan.fractionOf === "outputs" ? "inputs" : "outputs";
      Object.assign(plan, swapped);
      changed = true;
    }
  }

  // New names: replace the matching side or the population.
  const named = q.mentions;
  if (named.length) {
    const pop = populationOf(named);
    if (plan.kind === "synapses") {
      const toPost = /\b(onto|to|into|targets?|targeting|postsynaptic)\b/.test(q.lower);
      const toPre = /\b(from|by|presynaptic|sources?)\b/.test(q.lower);
      if (toPost && !toPre) plan.post = pop;
      else if (toPre && !toPost) plan.pre = pop;
      else {
        // The side that was named before is the one the follow-up replaces.
        const preNamed = Object.keys(plan.pre).length > 0;
        const postNamed = Object.keys(plan.post).length > 0;
        if (preNamed && !postNamed) plan.pre = pop;
        else if (postNamed && !preNamed) plan.post = pop;
        else plan.post = pop;
      }
      changed = true;
    } else if ("population" in plan) {
      (plan as { population: Population }).population = pop;
      changed = true;
    } else if (plan.kind === "lookup" && (pop.rootIds?.length === 1 || pop.nucleusIds?.length === 1)) {
      plan.rootId = pop.rootIds?.[0];
      plan.nucleusId = pop.rootIds ? undefined : pop.nucleusIds?.[0];
      changed = true;
    }
  }

  // Another statistic of the same thing: "what about the median?", "and the mean?".
  const statistic = /\b(median|mean|average|total|sum|largest|biggest|max(imum)?|smallest|min(imum)?)\b/.exec(q.lower)?.[1];
  if (statistic && q.mentions.length === 0) {
    const kind = statistic === "median" ? "median" : /mean|average/.test(statistic) ? "mean" : /total|sum/.test(statistic) ? "sum" : /largest|biggest|max/.test(statistic) ? "max" : "min";
    if (plan.kind === "synapses" && plan.measure !== "count_partners" && plan.measure !== "fraction") {
      plan.measure = `${kind}_size` as typeof plan.measure;
      changed = true;
    } else if (plan.kind === "cells" && plan.measure.endsWith("_volume")) {
      plan.measure = `${kind}_volume` as typeof plan.measure;
      changed = true;
    }
  }

  // Another field of the same neuron: "what about its m-type?", "and its position?".
  if (plan.kind === "lookup") {
    const fields = lookupFields(q.lower);
    if (fields.length) {
      plan.fields = fields;
      changed = true;
    }
  }

  // "per cell type", "by class": split the last count.
  const per = /\b(per|by|for each|each|broken down by) (cell )?(type|class|m-?type)s?\b/.exec(q.lower);
  if (per) {
    const scheme = /m-?type/.test(per[3]!) ? "mtype" : per[3] === "class" ? "class" : "cell_type";
    if (plan.kind === "cells") {
      plan.groupBy = [scheme];
      changed = true;
    } else if ((plan.kind === "proofreading" || plan.kind === "coregistration") && scheme === "cell_type") {
      plan.groupBy = ["cell_type"];
      changed = true;
    } else if (plan.kind === "synapses") {
      const side = Object.keys(plan.pre).length && !Object.keys(plan.post).length ? "post" : "pre";
      plan.groupBy = [`${side}_${scheme}` as SynapseGroup];
      changed = true;
    }
  }

  // "plot that" / "as a bar chart" / "show it as a heatmap".
  if (/\b(plot|chart|graph|visuali[sz]e|draw|histogram|heat ?map|bar)\b/.test(q.lower)) {
    const kind = /\bheat ?map\b/.test(q.lower) ? "heatmap" : /\bhistogram\b/.test(q.lower) ? "histogram" : /\bscatter\b/.test(q.lower) ? "scatter" : /\bbox\b/.test(q.lower) ? "box" : undefined;
    if (plan.kind === "synapses") {
      if (!plan.groupBy.length) plan.groupBy = [Object.keys(plan.post).length && !Object.keys(plan.pre).length ? "pre_cell_type" : "post_cell_type"];
      plan.chart = kind ?? (plan.groupBy.length === 2 ? "heatmap" : "bar");
    } else if (plan.kind === "cells") {
      if (!plan.groupBy.length) plan.groupBy = ["cell_type"];
      plan.chart = "bar";
    } else if (plan.kind === "proofreading" || plan.kind === "coregistration") {
      if (!plan.groupBy.length) plan.groupBy = ["cell_type"];
      plan.chart = "bar";
    } else if (plan.kind === "distribution") {
      // Already a chart; "as a box plot" or "as a histogram" changes which.
      if (kind === "box" || kind === "histogram") plan.chart = kind;
    } else if (plan.kind === "positions") {
      // already a chart
    } else {
      return { type: "clarify", message: "There is nothing to plot in the last answer: ask for counts per type, a distribution, or positions.", suggestions: [] };
    }
    changed = true;
  }
  return changed ? { type: "plan", plan, confidence: 0.8 } : undefined;
}

/** The lookup fields a follow-up asks for. */
function lookupFields(lower: string): LookupPlan["fields"] {
  const fields: LookupPlan["fields"] = [];
  if (/\bm-?types?\b/.test(lower)) fields.push("mtype");
  else if (/\b(cell )?types?\b/.test(lower)) fields.push("cell_type");
  if (/\bclass\b/.test(lower)) fields.push("class");
  if (/\bnucle(us|i)( id)?\b/.test(lower) && !/\bvolume\b/.test(lower)) fields.push("nucleus_id");
  if (/\bvolume|\bsize\b|\bhow (big|large)\b/.test(lower)) fields.push("volume");
  if (/\b(position|where|location|coordinates?)\b/.test(lower)) fields.push("position");
  if (/\bdepth|\bdeep\b|\blayer\b/.test(lower)) fields.push("depth");
  if (/\bproofread/.test(lower)) fields.push("proofreading");
  if (/\bcoregist|\bfunctional|\b2p\b|\btwo[- ]photon/.test(lower)) fields.push("coregistration");
  if (/\b(synapses|inputs|outputs|partners)\b/.test(lower)) fields.push("synapses");
  return fields;
}

function flip(g: SynapseGroup): SynapseGroup {
  return (g.startsWith("pre_") ? `post_${g.slice(4)}` : `pre_${g.slice(5)}`) as SynapseGroup;
}

function populationOf(mentions: Mention[]): Population {
  const p: Population = {};
  for (const m of mentions) {
    if (m.kind === "root") p.rootIds = [...(p.rootIds ?? []), m.id];
    else if (m.kind === "nucleus") p.nucleusIds = [...(p.nucleusIds ?? []), m.id];
    else if (m.term.kind === "cell_type") p.cellTypes = [...(p.cellTypes ?? []), m.term.value];
    else if (m.term.kind === "mtype") p.mtypes = [...(p.mtypes ?? []), m.term.value];
    else if (m.term.kind === "class") p.classes = [...(p.classes ?? []), m.term.value];
  }
  return p;
}
