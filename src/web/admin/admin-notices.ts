/**
 * What an ADMIN's form just did, said by a success banner on the page it returns to (the plan
 * overview): `?notice=<key>` after POST-redirect-GET. Only these keys are shown, so a link cannot
 * make the page say something else.
 */
export const ADMIN_NOTICES = {
  created: 'The plan has been created.',
  imported: 'The plan file has been imported.',
  'board-meeting': 'The board meeting has been recorded.',
  approved: 'The plan has been approved.',
  closed: 'The plan has been closed: nothing in it can change now.',
} as const;

export type AdminNotice = keyof typeof ADMIN_NOTICES;

/** Where to send the browser after a form succeeded: the plan's overview with its banner. */
export const planWithNotice = (planId: string, notice: AdminNotice) =>
  `/plans/${encodeURIComponent(planId)}?notice=${notice}`;

/** The banner's text for a `notice` query value; undefined for anything else. */
export const adminNoticeText = (value: unknown): string | undefined =>
  typeof value === 'string' && Object.hasOwn(ADMIN_NOTICES, value)
    ? ADMIN_NOTICES[value as AdminNotice]
    : undefined;
