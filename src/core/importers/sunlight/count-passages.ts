/** Passages per guideline over imported policies, with the project's own extractor. */
import { parseFrontmatter } from '../../load/frontmatter.ts';
import { extractPassages } from '../../passages/extract.ts';

export function countPassages(
  policies: ReadonlyArray<{ id: string; file: string; text: string }>,
  codes: readonly string[],
): Array<{ code: string; passages: number; policies: number }> {
  const known = new Set(codes);
  const passages = new Map(codes.map((c) => [c, 0]));
  const policiesWith = new Map(codes.map((c) => [c, new Set<string>()]));
  for (const policy of policies) {
    const parsed = parseFrontmatter(policy.file, policy.text);
    const { passages: found } = extractPassages(parsed.body, { policy: policy.id, file: policy.file, codes: known, bodyLine: parsed.bodyLine });
    for (const p of found) {
      passages.set(p.guideline, (passages.get(p.guideline) ?? 0) + 1);
      policiesWith.get(p.guideline)?.add(policy.id);
    }
  }
  return codes.map((code) => ({ code, passages: passages.get(code) ?? 0, policies: policiesWith.get(code)?.size ?? 0 }));
}
