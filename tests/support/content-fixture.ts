/**
 * Writes a small, valid content folder into a temp dir for tests: the project's
 * own 31 guidelines plus one place, one contact, one policy and one FAQ. Tests
 * add or overwrite files to make exactly the case they check.
 */
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './repo-root.ts';

export const VALID_FILES: Record<string, string> = {
  'places/springfield-mo.md': `---
name: Springfield
kind: city
state: MO
---
`,
  'contacts/springfield-mo/city-clerk.md': `---
name: City Clerk
role: clerk
place: springfield-mo
handles:
  - Public records requests
---
`,
  'policies/springfield-mo-2020-01-15.md': `---
title: Springfield Open Data Policy
place: springfield-mo
year: 2020
date: 2020-01-15
legal_custom: Executive Order
sunlight: wwc
policy_url: https://records.example.org/springfield-open-data.pdf
---

## Purpose

<span class="g-open-formats">Publish data in open formats.</span>

<span class="g-metadata">Document every dataset.

Keep the documentation current.</span>
`,
  'faqs/springfield-mo/records.md': `---
title: Springfield public records FAQ
place: springfield-mo
topic: records
last_reviewed: 2026-06-01
summary: How to ask Springfield for public records [1].
enforcement:
  enforcers:
    - contact: springfield-mo/city-clerk
      role: Handles records requests
      sources: [1]
  fines:
    status: not-specified
    text: Not specified on the cited page.
    sources: [1]
sources:
  - n: 1
    title: Municipal Code
    kind: municipal-code
    url: https://code.example.org/springfield
---

## Overview

Ask the City Clerk [1].
`,
};

/** Creates the folder; `files` overrides or adds relative paths (null deletes a default file). */
export async function writeContentFixture(files: Record<string, string | null> = {}): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'kb-content-'));
  await cp(path.join(repoRoot, 'content', 'guidelines'), path.join(root, 'guidelines'), { recursive: true });
  const all: Record<string, string | null> = { ...VALID_FILES, ...files };
  for (const [relative, text] of Object.entries(all)) {
    if (text === null) continue;
    const file = path.join(root, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return root;
}
