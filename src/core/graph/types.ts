/** The knowledge graph: what every page, endpoint and CLI reads. Plain data, computed once. */
import type { ContactDoc, FaqDoc, GuidelineDoc, PlaceDoc, PolicyDoc } from '../load/load-content.ts';
import type { Passage } from '../passages/extract.ts';
import type { PartPlan } from '../render/policy-parts.ts';
import type { RenderedBody } from '../render/render-body.ts';
import type { FacetKey, GuidelineCategoryId } from '../schema/index.ts';

export interface GuidelineNode {
  doc: GuidelineDoc;
  code: string;
  number: number;
  name: string;
  category: GuidelineCategoryId;
  /** Policies with at least one passage of this guideline. */
  policies: string[];
  /** Places with at least one such policy. */
  places: string[];
  passages: Passage[];
}

export interface CategoryNode {
  id: GuidelineCategoryId;
  name: string;
  guidelines: string[];
  passageCount: number;
}

export interface PlaceNode {
  doc: PlaceDoc;
  id: string;
  name: string;
  state: string;
  policies: string[];
  faqs: string[];
  contacts: string[];
  /** Passages per guideline code over all the place's policies. */
  coverage: Record<string, number>;
}

export interface StateNode {
  code: string;
  name: string;
  places: string[];
}

export interface PolicyNode {
  doc: PolicyDoc;
  id: string;
  place: string;
  title: string;
  /** date when known, else the year, for sorting and display. */
  when: string;
  passages: Passage[];
  /** Passages per guideline code, in guideline order. */
  counts: Record<string, number>;
  /** Other policies of the same place, oldest first (including this one). */
  versions: string[];
  /** FAQs that name this policy. */
  faqs: string[];
}

export interface FaqNode {
  doc: FaqDoc;
  id: string;
  place: string;
  title: string;
  contacts: string[];
  sourceNumbers: ReadonlySet<number>;
  /** Facets stated / not specified / absent, for the enforcement gap report. */
  facets: Record<FacetKey | 'enforcers', 'stated' | 'not-specified' | 'absent'>;
  /** The stale notice is shown when true. */
  stale: boolean;
  nextReviewDue: string;
}

export interface ContactNode {
  doc: ContactDoc;
  id: string;
  place: string;
  name: string;
  /** FAQs that name this office as an enforcer. */
  faqs: string[];
  /** Policies that name this office. */
  policies: string[];
}

export interface Matrix {
  places: string[];
  guidelines: string[];
  /** counts[placeIndex][guidelineIndex] = passages. */
  counts: number[][];
}

export interface KnowledgeBase {
  guidelines: GuidelineNode[];
  categories: CategoryNode[];
  places: PlaceNode[];
  states: StateNode[];
  policies: PolicyNode[];
  faqs: FaqNode[];
  contacts: ContactNode[];
  matrix: Matrix;
  guideline: (code: string) => GuidelineNode | undefined;
  place: (id: string) => PlaceNode | undefined;
  policy: (id: string) => PolicyNode | undefined;
  faq: (id: string) => FaqNode | undefined;
  contact: (id: string) => ContactNode | undefined;
  /** Rendered, sanitized body HTML, rendered on first ask; the last 64 are kept for reuse. */
  render: (kind: 'policy' | 'faq' | 'guideline' | 'place' | 'contact', id: string) => RenderedBody;
  /**
   * Where a policy's text is cut into pages (src/core/render/policy-parts.ts):
   * no cut when it fits on one. Planned from the body alone, on first ask, and kept.
   */
  policyParts: (id: string) => PartPlan;
  /** The part of its policy's text (1, 2, …) that holds a passage. */
  partOf: (passage: Pick<Passage, 'policy' | 'start'>) => number;
  /** A policy's text rendered part by part, one entry per part; the last 16 policies are kept. */
  renderPolicyParts: (id: string) => RenderedBody[];
  /** The date the graph considers "today" (pinned for reproducible builds). */
  today: string;
}
