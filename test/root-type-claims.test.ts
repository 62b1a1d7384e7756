import { describe, expect, it } from "vitest";
import { saidOfRoot, typeClaims } from "../src/answers/root-type-claims.js";
import { DEFAULT_VOCABULARY } from "../src/answers/chat-options.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";
import type { QueryPlan } from "../src/planning/plan.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * A cell type said of one named root ("864… (BC): max input syn size", "the BC 864…"), found by the blind set
 * dev49: it had been asked back as a condition on the one root. It is checked against the data: answered without
 * it when the root has that type, asked back (naming the root's type) when it has not.
 */
describe("the types said of a named root", () => {
  const plan = (post: object[]): QueryPlan =>
    ({
      kind: "query",
      source: "synapses",
      filter: [],
      pre: [],
      post,
      measure: { fn: "max", of: "size" },
      groupBy: [],
    }) as QueryPlan;
  const root = { dim: "root_id", values: ["864691135410184122"] };

  it("takes the type off the root's side", () => {
    const { claims, plan: without } = typeClaims(plan([root, { dim: "cell_type", values: ["BC"] }]));
    expect(claims).toEqual([{ root: "864691135410184122", dim: "cell_type", values: ["BC"] }]);
    expect(without).toMatchObject({ post: [root] });
  });

  it.each([
    ["a type beside no root", [{ dim: "cell_type", values: ["BC"] }]],
    [
      "a type beside two roots",
      [
        { dim: "root_id", values: ["1", "2"] },
        { dim: "cell_type", values: ["BC"] },
      ],
    ],
    ["a type excluded", [root, { dim: "cell_type", values: ["BC"], not: true }]],
  ])("leaves %s alone", (_what, post) => {
    expect(typeClaims(plan(post)).claims).toEqual([]);
  });
});

describe("a type said beside the root's id, and only there", () => {
  const vocabulary = Vocabulary.load(DEFAULT_VOCABULARY);
  const claim = (values: string[], dim: "cell_type" | "class" = "cell_type") => ({
    root: "864691135410184122",
    dim,
    values,
  });
  it.each([
    "864691135410184122 (BC): max input syn size",
    "864691135410184122 (a basket cell): max input syn size",
    "the BC 864691135410184122: max input syn size",
    "max input syn size of the basket cell 864691135410184122",
    "864691135410184122 is a BC. What is its largest input synapse?",
    "# postsyn neurons of BC 864691135410184122",
    "top 5 presyn neurons onto BC 864691135410184122, by # syn",
    "BC 864691135410184122: max input syn size",
    // (Not only after the first determiner: "that" opens a clause here, "the" the type.)
    "Of everything that synapses onto the basket cell 864691135410184122, rank its inputs",
    // (A determiner far before the type: "that" opens the clause, then "from basket cell".)
    "list the postsynaptic partners that get at least 8 synapses from basket cell 864691135410184122",
  ])("%s: a claim", (q) => {
    expect(saidOfRoot(q, claim(["BC"]), vocabulary)).toBe(true);
  });

  it.each([
    "how many BC partners does 864691135410184122 have",
    "BC inputs of 864691135410184122",
    "864691135410184122 (MC): max input syn size",
    "how many synapses from BC inputs of 864691135410184122",
    "synapses onto 23P from BC, MC 864691135410184122",
    "the BC partners that synapse onto 864691135410184122",
  ])("%s: not a claim that it is a BC", (q) => {
    expect(saidOfRoot(q, claim(["BC"]), vocabulary)).toBe(false);
  });

  it("# presyn neurons of 8646… (neurons only): the neurons are its partners", () => {
    const q = "# presyn neurons of 864691135410184122 (neurons only, no fragments)";
    expect(saidOfRoot(q, claim(["neuron"], "class"), vocabulary)).toBe(false);
  });
});

describe("answered on the raw exports", () => {
  const store = useChatOnRaw(["aibs_metamodel_celltypes_v661", "synapses_pni_2"]);
  const typed = (type: string) =>
    store.raw
      .prepare(
        "SELECT t.pt_root_id id, max(s.size) biggest FROM root_type t JOIN syn s ON s.post_pt_root_id = t.pt_root_id " +
          "WHERE t.cell_type = ? GROUP BY t.pt_root_id ORDER BY count(*) DESC LIMIT 1",
      )
      .safeIntegers()
      .get(type) as { id: bigint; biggest: bigint };

  it("a root said to be of its own type: answered, the type noted", async () => {
    const { id, biggest } = typed("BC");
    const answer = await store.chat.answer(`${id} (BC): max input syn size, vox`);
    expect(answer.status, answer.text).toBe("answered");
    expect(answer.text).toContain(Number(biggest).toLocaleString("en-US"));
    expect(answer.text).toContain(`${id}'s cell type is BC, as the question says.`);
  });

  it("a class said of a root: checked too", async () => {
    const { id } = typed("23P");
    const inhibitory = await store.chat.answer(`the inhibitory cell ${id}: max input syn size`);
    expect(inhibitory.status).toBe("clarify");
    expect(inhibitory.text).toContain(`${id}'s class is excitatory`);
    const neuron = await store.chat.answer(`the neuron ${id}: max input syn size`);
    expect(neuron.status, neuron.text).not.toBe("error");
  });

  it("a root said to be of another type: asked back, its type named", async () => {
    const { id } = typed("BC");
    const answer = await store.chat.answer(`the MC ${id}: max input syn size`);
    expect(answer.status).toBe("clarify");
    expect(answer.text).toContain(`${id}'s cell type is BC, not MC`);
  });
});

/** Two roots said to be of one kind (stop 54): each is checked, as one root is. */
describe("the type said of two compared roots", () => {
  const vocabulary = Vocabulary.load(DEFAULT_VOCABULARY);
  const [a, b] = ["864691135410184122", "864691135300382104"];
  const part = (id: string, typed: boolean) => ({
    label: id,
    post: [...(typed ? [{ dim: "cell_type", values: ["23P"] }] : []), { dim: "root_id", values: [id] }],
  });
  const compared = (typed: boolean, shared: object[] = []): QueryPlan =>
    ({
      kind: "query",
      source: "synapses",
      filter: [],
      pre: [{ dim: "cell_type", values: ["BC"] }],
      post: shared,
      measure: { fn: "count" },
      groupBy: [],
      compare: [part(a, typed), part(b, typed)],
    }) as QueryPlan;

  it.each([
    ["in each part", compared(true)],
    ["on the side the parts share", compared(false, [{ dim: "cell_type", values: ["23P"] }])],
  ])("takes the type off each root, said %s", (_where, plan) => {
    const { claims, plan: without } = typeClaims(plan);
    expect(claims.map((c) => c.root).sort()).toEqual([a, b].sort());
    expect(JSON.stringify(without)).not.toContain("23P");
  });

  it.each([
    `${a} and ${b} (L2/3 pyramidal cells): inputs from BC of each`,
    `${a} and ${b} are both 23Ps; inputs from BC`,
  ])("%s: said of both roots", (q) => {
    for (const root of [a, b])
      expect(saidOfRoot(q, { root, dim: "cell_type", values: ["23P"] }, vocabulary)).toBe(true);
  });
});
