import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";

/**
 * Local embeddings for name matching: hashed character n-grams (2 to 4 characters) of the
 * normalized text, L2-normalized. No model download, no network, deterministic; close spellings
 * ("martinoti", "Martinotti cells") land close together. It implements LangChain's `Embeddings`
 * interface so a provider's embeddings can replace it.
 */
export class HashedNgramEmbeddings extends Embeddings {
  readonly dimensions: number;

  constructor(params: EmbeddingsParams & { dimensions?: number } = {}) {
    super(params);
    this.dimensions = params.dimensions ?? 512;
  }

  embedQuery(text: string): Promise<number[]> {
    return Promise.resolve(this.embedSync(text));
  }

  embedDocuments(texts: string[]): Promise<number[][]> {
    return Promise.resolve(texts.map((t) => this.embedSync(t)));
  }

  embedSync(text: string): number[] {
    const v = new Float64Array(this.dimensions);
    const padded = ` ${text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim()} `;
    for (let n = 2; n <= 4; n++) {
      for (let i = 0; i + n <= padded.length; i++) {
        const gram = padded.slice(i, i + n);
        const h = fnv1a(gram);
        // The sign bit spreads collisions so that they cancel rather than accumulate.
        v[h % this.dimensions]! += (h & 0x80000000 ? -1 : 1) * (n === 2 ? 0.5 : 1);
      }
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return Array.from(v, (x) => x / norm);
  }
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
