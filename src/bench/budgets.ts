/**
 * The budgets of the "Scale and speed" issue, checked against a bench run.
 * Budgets exist for 10k and 100k documents; other sizes are checked against
 * the per-page and per-folder limits only.
 */

export interface PhaseMeasure {
  phase: string;
  wallSeconds: number;
  maxRssBytes: number;
  ok: boolean;
}

export interface BudgetCheck {
  budget: string;
  limit: string;
  measured: string;
  met: boolean;
}

const GB = 1024 ** 3;

export function checkBudgets(input: {
  docs: number | undefined;
  phases: readonly PhaseMeasure[];
  fullestFolderFiles?: number | undefined;
  pagesOverLimit?: number | undefined;
  largestPageBytes?: number | undefined;
  /** Bytes on the wire for a first and a later search (the bench's search phase). */
  search?: { firstQueryBytes: number; laterQueryBytes: number } | undefined;
}): BudgetCheck[] {
  const { docs, phases } = input;
  const get = (name: string) => phases.find((p) => p.phase === name);
  const checks: BudgetCheck[] = [];
  const seconds = (s: number) => `${s.toFixed(1)} s`;
  const gb = (b: number) => `${(b / GB).toFixed(2)} GB`;
  const astro = get('astro');
  const pagefind = get('pagefind');
  const buildSeconds = astro && pagefind && astro.ok && pagefind.ok ? astro.wallSeconds + pagefind.wallSeconds : undefined;
  const peak = Math.max(0, ...phases.map((p) => p.maxRssBytes));
  const tier = docs === undefined ? undefined : docs >= 100_000 ? '100k' : docs >= 10_000 ? '10k' : undefined;
  if (tier === '10k') {
    const validate = get('validate');
    if (validate) checks.push({ budget: 'validate (10k)', limit: '≤ 5 s', measured: seconds(validate.wallSeconds), met: validate.ok && validate.wallSeconds <= 5 });
    checks.push({ budget: 'build + index (10k)', limit: '≤ 60 s', measured: buildSeconds === undefined ? 'failed' : seconds(buildSeconds), met: buildSeconds !== undefined && buildSeconds <= 60 });
    checks.push({ budget: 'peak RSS (10k)', limit: '≤ 2 GB', measured: gb(peak), met: peak <= 2 * GB });
    if (input.search) {
      const kib = (b: number) => `${(b / 1024).toFixed(1)} KB`;
      checks.push({ budget: 'first search query (10k)', limit: '≤ 150 KB', measured: kib(input.search.firstQueryBytes), met: input.search.firstQueryBytes <= 150 * 1024 });
      checks.push({ budget: 'later search query (10k)', limit: '≤ 30 KB', measured: kib(input.search.laterQueryBytes), met: input.search.laterQueryBytes <= 30 * 1024 });
    }
  }
  if (tier === '100k') {
    checks.push({ budget: 'build + index (100k)', limit: '≤ 600 s', measured: buildSeconds === undefined ? 'failed' : seconds(buildSeconds), met: buildSeconds !== undefined && buildSeconds <= 600 });
    checks.push({ budget: 'peak RSS (100k)', limit: '≤ 6 GB', measured: gb(peak), met: peak <= 6 * GB });
  }
  if (input.fullestFolderFiles !== undefined) {
    checks.push({ budget: 'files in one output folder', limit: '≤ 20,000', measured: String(input.fullestFolderFiles), met: input.fullestFolderFiles <= 20_000 });
  }
  if (input.pagesOverLimit !== undefined && input.largestPageBytes !== undefined) {
    checks.push({ budget: 'every page HTML + CSS', limit: '≤ 40 KB', measured: `largest ${(input.largestPageBytes / 1024).toFixed(1)} KB, ${input.pagesOverLimit} over`, met: input.pagesOverLimit === 0 });
  }
  return checks;
}
