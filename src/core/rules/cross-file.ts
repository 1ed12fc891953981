/**
 * What the cross-file rules (CROSS_FILE_RULES) read of each document, so a
 * worker that parsed the document can send just that to the thread that runs
 * them (src/core/check-content.ts) instead of the whole document.
 */
import type { ContentDoc } from '../load/load-content.ts';

/**
 * The fields of a document's data that references, duplicates and
 * guideline-set read: whole data for the small kinds (guideline, place,
 * contact), the linking fields and names for policies and FAQs. A cross-file
 * rule that starts reading another field must keep it here too:
 * tests/core/check-content.test.ts runs both paths on content that trips every
 * cross-file rule and compares their diagnostics.
 */
export function crossFileData(doc: ContentDoc): Record<string, unknown> {
  switch (doc.kind) {
    case 'guideline':
    case 'place':
    case 'contact':
      return doc.data;
    case 'policy':
      return { place: doc.data.place, contacts: doc.data.contacts, replaces: doc.data.replaces };
    case 'faq': {
      const { place, title, policies, enforcement } = doc.data;
      return { place, title, policies, enforcement: enforcement && { enforcers: enforcement.enforcers.map(({ contact }) => ({ contact })) } };
    }
  }
}
