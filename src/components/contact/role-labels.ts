import type { CONTACT_ROLES } from '../../core/schema/contact.ts';

/** Plain words for an office's role, as residents would say it. */
export const ROLE_LABELS: Record<(typeof CONTACT_ROLES)[number], string> = {
  clerk: 'Clerk',
  attorney: 'Attorney',
  manager: 'Manager or administrator',
  'information-technology': 'Information technology',
  'code-enforcement': 'Code enforcement',
  police: 'Police',
  records: 'Records',
  privacy: 'Privacy',
  department: 'Department',
  court: 'Court',
  other: 'Other office',
};
