/**
 * The heap the site build runs with. Node's default limit on this 24 GB
 * machine is ~4.5 GB; the 100,000-document build holds ~3.4 GB of live data
 * (the graph and the page plans) while it writes pages, and near the default
 * limit it spent its time in garbage collection. 5 GB leaves room to work and
 * keeps the whole process under the 6 GB budget (docs/scale.md). A heap size
 * given on the command line or in NODE_OPTIONS wins.
 */
export const BUILD_HEAP_MB = 5120;
export const BUILD_HEAP_FLAG = `--max-old-space-size=${BUILD_HEAP_MB}`;

/** True when the process was started with a heap size, or NODE_OPTIONS sets one. */
export function heapSizeGiven(execArgv: readonly string[] = process.execArgv, nodeOptions: string = process.env['NODE_OPTIONS'] ?? ''): boolean {
  return [...execArgv, ...nodeOptions.split(/\s+/)].some((arg) => /^--max[-_]old[-_]space[-_]size=/.test(arg));
}
