/**
 * The enforcement gap downloads, made once for the endpoints that serve them
 * and the page that links them with their sizes, so the sizes shown are exact.
 */
import type { KnowledgeBase } from '../../core/index.ts';
import { enforcementGaps, enforcementGapsCsv, enforcementGapsJson, type EnforcementGapReport } from '../../core/analysis/enforcement-gaps.ts';

export interface GapDownloads {
  report: EnforcementGapReport;
  csv: string;
  json: string;
}

const made = new WeakMap<KnowledgeBase, GapDownloads>();

export function gapDownloads(kb: KnowledgeBase): GapDownloads {
  let downloads = made.get(kb);
  if (!downloads) {
    const report = enforcementGaps(kb);
    downloads = { report, csv: enforcementGapsCsv(report), json: `${JSON.stringify(enforcementGapsJson(report), null, 1)}\n` };
    made.set(kb, downloads);
  }
  return downloads;
}

/** "812 bytes", "4.2 KB" (1 KB = 1000 bytes). */
export function byteSize(text: string): string {
  const bytes = new TextEncoder().encode(text).length;
  return bytes < 1000 ? `${bytes} bytes` : `${(bytes / 1000).toFixed(1)} KB`;
}
