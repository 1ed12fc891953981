/**
 * Saves full-page screenshots at a phone and a desktop width under
 * artifacts/screenshots/<name>-<width>.png, for people reviewing a change.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './repo-root.ts';

export const SCREENSHOT_VIEWPORTS = [
  { width: 360, height: 800 },
  { width: 1280, height: 900 },
] as const;

export const screenshotDir = path.join(repoRoot, 'artifacts', 'screenshots');

/** Screenshots the page at each viewport; restores the original viewport. Returns the file paths. */
export async function saveScreenshots(page: Page, name: string): Promise<string[]> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    throw new Error(`Screenshot name must be kebab-case letters and digits, got "${name}"`);
  }
  await mkdir(screenshotDir, { recursive: true });
  const original = page.viewportSize();
  const files: string[] = [];
  for (const viewport of SCREENSHOT_VIEWPORTS) {
    await page.setViewportSize(viewport);
    const file = path.join(screenshotDir, `${name}-${viewport.width}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    files.push(file);
  }
  if (original) await page.setViewportSize(original);
  return files;
}
