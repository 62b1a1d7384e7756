import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/** Words found at stop 52: a grouping said of the cells on one side of a flow. */

describe("a grouping said of cells named on one side", () => {
  it.each([
    ["BC outputs by area of the BC", "pre"],
    ["BC outputs, by the BCs' area", "pre"],
    ["BC outputs by area of the targets", "post"],
    ["23P inputs by layer of the 23P cells", "post"],
  ])("%s is grouped on the %s side (it had been put on the partners' side)", async (q, side) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ side }] });
  });

  it("'BC→23P syn by the 23P cells' layer', where the possessive had put 23P on both sides, is asked back", async () => {
    expect(await planOf("BC→23P syn by the 23P cells' layer")).toBe("clarify");
  });
});
