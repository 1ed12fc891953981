/**
 * Walks the strings of a frontmatter value without building a path for each:
 * rules look at every string of every file (hundreds per FAQ) and report on
 * very few, so the path array is made only when a rule asks for it.
 */

/** A field path as rules report it: keys and list indexes from the top. */
export type FieldPath = (string | number)[];

/**
 * Calls `visit` for every string in `value`, depth first, keys in object order
 * and list items in index order (what `Object.entries` and `forEach` gave).
 * `path()` returns a fresh copy of the current path.
 */
export function forEachString(value: unknown, visit: (text: string, path: () => FieldPath) => void, start: FieldPath = []): void {
  const stack: FieldPath = [...start];
  const path = () => [...stack];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') visit(node, path);
    else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        if (!(i in node)) continue; // forEach skipped holes
        stack.push(i);
        walk(node[i]);
        stack.pop();
      }
    } else if (node && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        stack.push(key);
        walk((node as Record<string, unknown>)[key]);
        stack.pop();
      }
    }
  };
  walk(value);
}
