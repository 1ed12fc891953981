/**
 * What a reader downloads to search: opens /search/ in a fresh browser context
 * (empty cache), types a first query, waits for its results, then a second
 * query. Sizes are bytes on the wire (headers + encoded body, as the browser's
 * network panel counts them), so the server should compress text as a real
 * host does (tests/support/static-server.ts gzips).
 *
 * Used by tests/e2e/search.test.ts on the test site and by the bench's search
 * phase on a 10k-document build (scripts/bench/search-transfer.ts).
 */
import type { Browser, Page, Request } from 'playwright-core';

export interface TransferStep {
  bytes: number;
  /** "path bytes", in the order they finished. */
  files: string[];
}

export interface SearchTransfer {
  /** The search page and what it loads before any query (HTML, CSS, the search UI's script). */
  pageLoad: TransferStep;
  /** From typing the first query to its results on screen: Pagefind's code, wasm, index, filters, fragments. */
  firstQuery: TransferStep;
  /** A second, different query. */
  laterQuery: TransferStep;
  /** Results the first and the later query showed. */
  firstResults: number;
  laterResults: number;
}

/** The search box and result links of the search page (Pagefind Component UI). */
export const SEARCH_INPUT = 'pagefind-input input';
export const RESULT_LINKS = 'pagefind-results a[href]';
export const SEARCH_SUMMARY = 'pagefind-summary';

async function transferredBytes(request: Request): Promise<number> {
  const sizes = await request.sizes().catch(() => undefined);
  return sizes ? sizes.responseHeadersSize + sizes.responseBodySize : 0;
}

/** Waits until no request has been in flight for `quietMs` (results fetch fragments after the summary shows). */
async function settle(page: Page, inFlight: () => number, quietMs = 500, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  let quietSince = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (inFlight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await page.waitForTimeout(50);
  }
}

export async function measureSearchTransfer(browser: Browser, searchUrl: string, firstTerm: string, laterTerm: string): Promise<SearchTransfer> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    let step: TransferStep = { bytes: 0, files: [] };
    let pending = 0;
    const counted: Promise<void>[] = [];
    page.on('request', () => {
      pending += 1;
    });
    const finish = (request: Request) => {
      const current = step;
      counted.push(
        transferredBytes(request).then((bytes) => {
          current.bytes += bytes;
          current.files.push(`${new URL(request.url()).pathname} ${bytes}`);
          pending -= 1;
        }),
      );
    };
    page.on('requestfinished', finish);
    page.on('requestfailed', finish);
    const next = async (): Promise<TransferStep> => {
      await Promise.all(counted.splice(0));
      const done = step;
      step = { bytes: 0, files: [] };
      return done;
    };

    await page.goto(searchUrl, { waitUntil: 'load' });
    await page.locator(SEARCH_INPUT).waitFor({ state: 'visible', timeout: 15_000 });
    await settle(page, () => pending);
    const pageLoad = await next();

    // Done when the summary gives the count for the term ("3 results for …", "No results for …"), not
    // "Searching for …"; then the result links, which come once the fragments are in.
    const searched = async (term: string) => {
      await page.waitForFunction(
        ({ selector, text }) => {
          const summary = document.querySelector(selector)?.textContent ?? '';
          return summary.includes(text) && /(\d+ results?|No results) for/.test(summary);
        },
        { selector: SEARCH_SUMMARY, text: term },
        { timeout: 30_000 },
      );
      const none = /No results for/.test((await page.locator(SEARCH_SUMMARY).textContent()) ?? '');
      if (!none) await page.locator(RESULT_LINKS).first().waitFor({ timeout: 30_000 });
    };
    await page.locator(SEARCH_INPUT).fill(firstTerm);
    await searched(firstTerm);
    await settle(page, () => pending);
    const firstResults = await page.locator(RESULT_LINKS).count();
    const firstQuery = await next();

    await page.locator(SEARCH_INPUT).fill(laterTerm);
    await searched(laterTerm);
    await settle(page, () => pending);
    const laterResults = await page.locator(RESULT_LINKS).count();
    const laterQuery = await next();
    return { pageLoad, firstQuery, laterQuery, firstResults, laterResults };
  } finally {
    await context.close();
  }
}
