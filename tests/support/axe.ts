/**
 * Runs axe-core in a page against WCAG 2.0/2.1 A and AA and returns the violations.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { repoRoot } from './repo-root.ts';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

let axeSource: string | undefined;

/**
 * Injects axe and returns its violations for the current page (or `include`, a CSS selector).
 * The script is evaluated through the DevTools protocol rather than added as a <script>
 * tag, so the site's CSP (which forbids inline scripts) stays in force during the check.
 */
export async function runAxe(page: Page, include?: string): Promise<Result[]> {
  axeSource ??= await readFile(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const results = await page.evaluate(
    async ({ tags, context }) => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe;
      return axe.run(context ?? document, { runOnly: { type: 'tag', values: tags } });
    },
    { tags: [...AXE_TAGS], context: include },
  );
  return results.violations;
}

/** One line a violating node, for assertion messages a person can act on. */
export function formatViolations(violations: Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `[${violation.impact ?? 'n/a'}] ${violation.id}: ${violation.help} — ${node.target.join(' ')}`,
      ),
    )
    .join('\n');
}
