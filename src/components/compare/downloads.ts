/**
 * The matrix downloads, made once for the endpoints that serve them and the
 * page that links them with their sizes, so the sizes shown are exact.
 */
import type { KnowledgeBase } from '../../core/index.ts';
import { compareMatrix, matrixCsv, matrixJson } from '../../core/graph/compare.ts';

export interface MatrixDownloads {
  csv: string;
  json: string;
}

const made = new WeakMap<KnowledgeBase, MatrixDownloads>();

/** CSV (RFC 4180) and JSON of the whole place × guideline matrix. */
export function matrixDownloads(kb: KnowledgeBase): MatrixDownloads {
  let downloads = made.get(kb);
  if (!downloads) {
    const matrix = compareMatrix(kb);
    downloads = { csv: matrixCsv(kb, matrix), json: `${JSON.stringify(matrixJson(kb, matrix))}\n` };
    made.set(kb, downloads);
  }
  return downloads;
}

/** "812 bytes", "4.2 KB" (1 KB = 1000 bytes, as file managers show). */
export function formatSize(text: string): string {
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes < 1000 ? `${bytes} bytes` : `${(bytes / 1000).toFixed(1)} KB`;
}
