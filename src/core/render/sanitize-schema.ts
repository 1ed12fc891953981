/**
 * The allow-list every rendered body passes through (rehype-sanitize). The
 * validator already refuses unsafe HTML; this is the second wall, so that a
 * rule we forgot still cannot put script, styles, frames, forms or foreign
 * requests on a page. Text inside removed elements is kept where it is text.
 */
import { defaultSchema } from 'rehype-sanitize';
import type { Options as SanitizeSchema } from 'rehype-sanitize';

const GUIDELINE_OR_DEFINITION_CLASS = /^(?:g|g-[a-z0-9-]+|def-[a-z0-9-]+)$/;
/** The renderer turns data-passage into the span's id: only passage anchors, never a chosen name (DOM clobbering, e.g. id="__proto__"). */
const PASSAGE_ANCHOR = /^g-[a-z0-9]+(?:-[a-z0-9]+)*-\d+$/;
const GUIDELINE_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const allowedTags = (defaultSchema.tagNames ?? []).filter(
  // No images (third-party requests), no inputs or forms, no <details> tricks needed in bodies.
  (tag) => !['img', 'input', 'picture', 'source'].includes(tag),
);

export const bodySanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: allowedTags,
  // Dropped whole, text and all: their content is code or styling, never prose.
  strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math'],
  attributes: {
    ...defaultSchema.attributes,
    span: [['className', GUIDELINE_OR_DEFINITION_CLASS], ['dataG', GUIDELINE_CODE], ['dataPassage', PASSAGE_ANCHOR], ['dataCont', '']],
    a: ['href', 'title'],
    // Layout and language only: no ids (clobbering), no form, focus or key attributes.
    '*': ['abbr', 'align', 'colSpan', 'rowSpan', 'headers', 'scope', 'dir', 'lang', 'title', 'start', 'dateTime', 'cite'],
  },
  protocols: { href: ['http', 'https', 'mailto', 'tel'], cite: ['http', 'https'] },
  clobberPrefix: 'user-content-',
};
