/** Numbers as the "Read as" line writes them: "10,000", "0.125", "90th". */
export const num = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 3 });

const suffix = (p: number) =>
  p % 10 === 1 && p !== 11 ? "st" : p % 10 === 2 && p !== 12 ? "nd" : p % 10 === 3 && p !== 13 ? "rd" : "th";

export const ordinal = (p: number) => `${num(p)}${suffix(p)}`;
