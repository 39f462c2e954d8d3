import { describe, expect, it } from '@jest/globals';
import { readFilters } from './overview-filters.js';
import type { OverviewAction, OverviewPlan } from './plan-overview.query.js';
import { overviewView, shortened } from './plan-overview.view.js';

const AS_AT = new Date('2025-05-20T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const daysBefore = (days: number) => new Date(AS_AT.getTime() - days * DAY).toISOString();

const action = (ref: string, themeId: string, fields: Partial<OverviewAction> = {}): OverviewAction => ({
  id: `id-${ref}`,
  themeId,
  ref,
  description: `Action ${ref}`,
  owners: ['Team Managers'],
  commencing: '2025-01',
  dueBy: null,
  rag: 'AMBER',
  createdAt: daysBefore(200),
  overdue: false,
  progressNotes: [{ text: 'Going well', recordedAt: daysBefore(3) }],
  ...fields,
});

const actions = [
  action('1.1', 't1', { overdue: true, rag: 'RED' }),
  action('1.2', 't1', { progressNotes: [{ text: 'Old news', recordedAt: daysBefore(50) }] }),
  action('2.1', 't2', { owners: [], progressNotes: [] }),
  action('2.2', 't2', { rag: 'BLUE', progressNotes: [] }),
];

const plan = (matching = actions): OverviewPlan => ({
  id: 'plan-1',
  title: 'Improvement plan',
  status: 'APPROVED',
  localAuthority: 'Isle of Wight',
  asOf: null,
  inspection: null,
  ragSummary: { total: 4, red: 1, amber: 2, green: 0, blue: 1, notRated: 0 },
  ownerRoles: [{ name: 'Service Director' }],
  themes: [
    { id: 't1', number: 1, title: 'Caseloads' },
    { id: 't2', number: 2, title: null },
    { id: 't3', number: 3, title: 'Private Fostering' },
  ],
  actions,
  matching: matching.map(({ id }) => ({ id })),
});

const refsOf = (view: ReturnType<typeof overviewView>) =>
  view.themes.map((theme) => [theme.heading, theme.rows.map((row) => row.ref)]);

describe('the plan overview', () => {
  it('lists every theme, with its actions, when nothing is filtered', () => {
    const view = overviewView(plan(), readFilters({}), AS_AT);
    expect(refsOf(view)).toEqual([
      ['1. Caseloads', ['1.1', '1.2']],
      ['2. (no heading)', ['2.1', '2.2']],
      ['3. Private Fostering', []],
    ]);
    expect([view.shown, view.total, view.filtered]).toEqual([4, 4, false]);
  });

  it('keeps only what the API matched, and lists only themes with an action left', () => {
    const view = overviewView(plan([actions[2]!]), readFilters({ show: 'unassigned' }), AS_AT);
    expect(refsOf(view)).toEqual([['2. (no heading)', ['2.1']]]);
    expect([view.shown, view.total, view.filtered]).toEqual([1, 4, true]);
  });

  it('narrows to overdue actions by the API’s own overdue field', () => {
    expect(refsOf(overviewView(plan(), readFilters({ show: ['overdue'] }), AS_AT))).toEqual([
      ['1. Caseloads', ['1.1']],
    ]);
  });

  it('marks stale by the board pack’s rule: no note for 42 days (from when added without one), never Blue', () => {
    const view = overviewView(plan(), readFilters({ show: 'stale' }), AS_AT);
    expect(refsOf(view)).toEqual([
      ['1. Caseloads', ['1.2']],
      ['2. (no heading)', ['2.1']],
    ]);
    expect(view.themes.flatMap((theme) => theme.rows.map((row) => row.stale?.daysQuiet))).toEqual([50, 200]);
  });

  it('judges stale at the instant shown, not now', () => {
    const earlier = new Date(AS_AT.getTime() - 10 * DAY);
    const view = overviewView(plan(), readFilters({ show: 'stale' }), earlier);
    expect(refsOf(view)).toEqual([['2. (no heading)', ['2.1']]]);
  });

  it('shows each action’s latest note, or none', () => {
    const rows = overviewView(plan(), readFilters({}), AS_AT).themes.flatMap((theme) => theme.rows);
    expect(rows.map((row) => row.latestNote?.text ?? null)).toEqual(['Going well', 'Old news', null, null]);
  });

  it('offers the listed owner roles first, then any other owner on an action', () => {
    const view = overviewView(plan(), readFilters({}), AS_AT);
    expect(view.ownerOptions.map((option) => option.value)).toEqual([
      '',
      'Service Director',
      'Team Managers',
    ]);
    expect(view.themeOptions.map((option) => option.text)).toEqual([
      'Any theme',
      '1. Caseloads',
      '2. (no heading)',
      '3. Private Fostering',
    ]);
  });

  it('ignores filters a hand-edited address cannot mean', () => {
    expect(readFilters({ rag: 'PURPLE', show: ['everything'], owner: '  ' })).toEqual({
      rag: null,
      owner: null,
      themeId: null,
      overdue: false,
      stale: false,
      unassigned: false,
    });
  });
});

describe('shortening a long text for the table', () => {
  it('keeps a short one-paragraph text as it is', () => {
    expect(shortened('Recruit  four\nsocial workers.')).toBe('Recruit four social workers.');
  });

  it('keeps the first paragraph of several, marked as cut', () => {
    expect(shortened('First part.\n\nSecond part.')).toBe('First part…');
  });

  it('cuts a long paragraph at a word', () => {
    expect(shortened('alpha beta gamma delta', 13)).toBe('alpha beta…');
  });
});
