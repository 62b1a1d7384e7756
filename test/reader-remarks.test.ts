import { describe, expect, it } from "vitest";
import { prepare } from "../src/planning/reader/prepare.js";
import { planOf } from "./support/reader-plans.js";

/**
 * Remarks said in passing (chatter, claims about the answer), self-corrections, "each other" and
 * "pairs of X are connected": read as the plain question would be, and a claim the plan does not do
 * is asked back, never answered.
 */

describe("remarks said in passing", () => {
  const same: [string, string][] = [
    ["how many Martinotti cells sit in layer 5? going by soma depth I mean. no rush, thanks!!", "how many MCs in L5?"],
    ["BC→23P, how many synapses total? it's for a committee slide so just the one number pls", "BC→23P synapses"],
    ["how many MC -> L5 ET connections are there? in other words distinct cell pairs. lmk", "# MC->5P-ET connections"],
    ["avg syn per connection from BCs to 4P? i.e. mean syn count over connected pairs", "syn/conn BC->4P"],
    [
      "mean nucleus volume of 5P-ET vs 5P-IT cells? one row each. trying to settle a journal-club argument lol",
      "mean nucleus volume 5P-ET vs 5P-IT",
    ],
    [
      "which 3 cell types get the most BC output synapses? reviewer 2 is asking, so synapse counts please",
      "which 3 cell types get the most BC output synapses",
    ],
    ["how many syn from BCs onto 23P? I mean synapses, not connected pairs.", "how many syn from BCs onto 23P?"],
    ["# coregistered neurons per area (counting nuclei, not scan units)", "# coregistered neurons per area?"],
    [
      "how many exc neurons are coregistered (each cell once, not once per scan unit)?",
      "how many exc neurons are coregistered?",
    ],
  ];
  it.each(same)("%s reads as %s", async (q, plain) => {
    const plan = await planOf(q);
    expect(typeof plan).toBe("object");
    expect(plan).toEqual(await planOf(plain));
  });

  it("keeps what it sets aside as context, and a claim with it", () => {
    const p = prepare("how many BCs in L5? one number pls. thanks!!", { remarks: true });
    expect(p.text).toBe("how many BCs in L5?");
    expect(p.context).toEqual(["one number pls.", "thanks!!"]);
    expect(p.claims).toEqual(["single"]);
  });

  it("reads remarks only when the question without them is asked back", () => {
    expect(prepare("how many BCs in L5? thanks!!").text).toBe("how many BCs in L5? thanks!!");
  });

  const contradicted = [
    "how many synapses from BCs onto 23P? i.e. distinct cell pairs. lmk",
    "BC→23P synapse count? one row each, thanks",
    "mean nucleus volume of BCs? by soma depth. no rush",
    "how many BCs are there? root ids only pls, no rush",
    "how many MC -> 5P-ET connections are there? counting synapses. ty",
    "one row each, mean nucleus volume of BCs? no rush",
    "how many BC->23P connections? I mean synapses",
    "how many synapses from BCs onto 23P (counting nuclei, not scan units)?",
  ];
  it.each(contradicted)("asks back when a claim is not what was read: %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it("never sets aside a remark that restricts", async () => {
    // ("V1 only" and "for the L5 analysis" are not chatter: the question without them is not the question.)
    for (const q of ["how many BCs? V1 only. thanks", "how many BCs? for the L5 analysis. thanks"]) {
      expect(await planOf(q)).not.toEqual(await planOf("how many BCs?"));
    }
  });
});

describe("self-corrections", () => {
  it("replaces the name taken back by the one that corrects it", async () => {
    expect(await planOf("how many synapses from the BCs — sorry, I mean MCs — onto 23P in total?")).toEqual(
      await planOf("how many synapses from the MCs onto 23P?"),
    );
    expect(await planOf("output synapses of BCs vs NGCs — no wait, MCs, not NGCs. one total per type")).toEqual(
      await planOf("output synapses of BCs vs MCs"),
    );
  });

  it("leaves a list with a negation alone", () => {
    expect(prepare("BC, MC, no 23P", { remarks: true }).text).toBe("BC, MC, no 23P");
  });
});

describe("one population on both sides", () => {
  it("reads 'onto each other' and 'between two X' as X onto X", async () => {
    const within = await planOf("how many synapses among 23P cells");
    expect(await planOf("how many synapses do 23P cells make onto each other")).toEqual(within);
    expect(await planOf("how many synapses between two 23P cells")).toEqual(within);
  });

  it("reads 'pairs of X are connected' as the connections between X", async () => {
    expect(
      await planOf("how many ordered pairs of coregistered neurons are connected by at least one synapse"),
    ).toEqual(await planOf("how many connected pairs of coregistered neurons"));
  });

  it("asks back when the cells themselves are counted or listed", async () => {
    expect(await planOf("how many 23P cells connect to each other")).toBe("clarify");
    expect(await planOf("which 23P cells synapse onto each other")).toBe("clarify");
  });
});

describe("chatter around a question", () => {
  const bases = ["how many BCs are in L5?", "syn/conn BC->4P", "mean nucleus volume of 5P-ET vs 5P-IT"];
  const leads = [
    "Hmm,",
    "Dumb question but",
    "Not urgent, but",
    "Hey team, quick q:",
    "For my thesis chapter,",
    "Hi! Sorry to bother —",
    "For tomorrow's lab meeting:",
    "When you get a chance,",
  ];
  const trails = ["many thanks", "no worries if not", "if possible", "tia", "🙏", "thanks a bunch"];
  const cases = bases.flatMap((b) => [...leads.map((l) => [`${l} ${b}`, b]), ...trails.map((t) => [`${b} ${t}`, b])]);
  it.each(cases)("%s reads as %s", async (q, base) => {
    expect(await planOf(q)).toEqual(await planOf(base!));
  });

  it("reads a place said after the question as part of it", async () => {
    expect(await planOf("how many BCs? V1 only, thanks")).toEqual(await planOf("how many BCs in V1?"));
  });

  const restricting = [
    "for the L5 analysis, how many BCs?",
    "how many BCs? the ones in the left hemisphere, thanks",
    "how many BCs? no rush, only the big ones",
    "how many synapses from BCs onto 23P? just the large ones pls",
    "sanity check on the ITCs: of all synapses BCs make, what fraction is onto inhibitory cells?",
  ];
  it.each(restricting)("never drops a restriction said with chatter: %s", async (q) => {
    const plan = await planOf(q);
    if (typeof plan === "string") expect(plan).toBe("clarify");
    else expect(plan).not.toEqual(await planOf(q.replace(/^.*?(how many|of all)/i, "$1")));
  });
});

describe("negations and asks said in passing", () => {
  it("reads 'not the fragments' as not fragments", async () => {
    expect(await planOf("how many 23P cells? not the fragments")).toEqual(
      await planOf("how many 23P cells? not fragments"),
    );
  });

  it("asks back when only ids were asked for and a number was read", async () => {
    expect(await planOf("how many synapses does 864691135988481406 make? just the ids pls")).toBe("clarify");
  });
});
