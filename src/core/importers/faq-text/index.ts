/** The plain-text FAQ importer: `importFaqArticle` and the types it returns. */
export { importFaqArticle } from './import-faq-article.ts';
export type { FaqInput } from './to-faq.ts';
export type {
  ImportedFaqArticle,
  ImportedOffice,
  ImportedPlace,
  ImportFaqOptions,
  ImportReport,
  KnownContact,
  KnownPlace,
} from './types.ts';
