import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { DocumentAction, DocumentTheme, ParseResult } from '../../src/import/plan-document.js';
import { parsePlanDocument } from '../../src/import/parse/parse-plan-document.js';

/** The Isle of Wight 2024 ILACS plan as published, pasted from Word as text. */
const FIXTURE = new URL('../fixtures/iow-2024-ilacs-improvement-plan.txt', import.meta.url);

let result: ParseResult;
const themes = () => result.document.themes;
const actions = () => themes().flatMap((theme) => theme.actions);
const action = (ref: string): DocumentAction => {
  const found = actions().find((candidate) => candidate.ref === ref);
  if (!found) throw new Error(`no action ${ref}`);
  return found;
};
const theme = (number: number): DocumentTheme => themes().find((candidate) => candidate.number === number)!;

beforeAll(async () => {
  result = await parsePlanDocument({
    fileName: 'iow-2024-ilacs-improvement-plan.txt',
    content: await readFile(FIXTURE),
  });
});

describe('the Isle of Wight 2024 plan, as a whole', () => {
  it('parses with no problems and no title (the document has none)', () => {
    expect(result.problems).toEqual([]);
    expect(result.document.title).toBeNull();
  });

  it('has 36 actions in 9 themes, numbered 1 to 9', () => {
    expect(actions()).toHaveLength(36);
    expect(themes().map((candidate) => candidate.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(themes().map((candidate) => candidate.actions.length)).toEqual([10, 2, 3, 3, 4, 4, 6, 1, 3]);
  });

  it('counts 24 amber, 7 green and 5 not yet rated', () => {
    const count = (rag: string) => actions().filter((candidate) => candidate.rag === rag).length;
    expect([count('AMBER'), count('GREEN'), count('NOT_RATED'), count('RED'), count('BLUE')]).toEqual([
      24, 7, 5, 0, 0,
    ]);
  });

  it('keeps refs as written: 1.10 after 1.9, and no 6.4', () => {
    expect(
      theme(1)
        .actions.map((candidate) => candidate.ref)
        .slice(-2),
    ).toEqual(['1.9', '1.10']);
    expect(theme(6).actions.map((candidate) => candidate.ref)).toEqual(['6.1', '6.2', '6.3', '6.5']);
  });

  it('titles the themes from their headings, without the closing full stop', () => {
    expect(theme(1).title).toBe('Caseloads and the impact this has on the quality of work and intervention');
    expect(theme(2).title).toBe('The pre-proceedings process in the Public Law Outline (PLO)');
    expect(theme(9).title).toBe('Workforce and Learning Development');
    expect(theme(1).line).toBe(48);
  });

  it('keeps section 4 (permanence, no heading) as an untitled theme and says so', () => {
    expect(theme(4)).toMatchObject({
      title: null,
      whatNeedsToImprove: null,
      inspectorFindings: null,
      line: 105,
    });
    expect(result.warnings).toContainEqual({
      line: 105,
      message:
        'Theme 4 has no heading in the document (actions 4.1, 4.2, 4.3); imported as an untitled theme',
    });
  });

  it('attaches "What needs to improve?" and "What inspectors found" to their themes', () => {
    expect(theme(1).whatNeedsToImprove).toBe(
      'A reduction of some caseloads in the children’s assessment and safeguarding teams is required.',
    );
    expect(theme(6).whatNeedsToImprove).toBe(
      'Consistent, regular, effective, and reflective supervision for all staff throughout the service.',
    );
    expect(theme(5).inspectorFindings?.split('\n\n')).toHaveLength(2);
    expect(theme(5).inspectorFindings).toMatch(
      /^Consultation with partner agencies .*\n\nFor some children, there is delay/s,
    );
    expect(theme(8).inspectorFindings).toMatch(/^Workers have been significantly hindered/);
  });

  it('warns only about what a person should check: theme 4, the owner of 4.3, and "Team" in 7.5', () => {
    expect(result.warnings.map((warning) => warning.line)).toEqual([105, 110, 165]);
  });
});

describe('the Isle of Wight 2024 plan, action by action', () => {
  it('1.1 merges its continuation row: two more paragraphs and a third owner', () => {
    expect(action('1.1')).toEqual({
      ref: '1.1',
      description:
        'Reduction in caseloads for staff in Child Assessment and Safeguarding Teams. Caseloads should be maintained at an agreed level unless agreed by exception with Service Manager oversight.' +
        '\n\nCaseloads to be reviewed weekly by team managers to ensure workflows are correctly followed and case closures/transfers happen in a timely manner.' +
        '\n\nEnsure staffing levels are maintained at a level to support caseloads being maintained at agreed local levels.',
      owners: ['Service Director', 'Service Manager Operations', 'Team Managers'],
      commencing: '2023-12',
      dueBy: null,
      rag: 'AMBER',
      progress: [
        'Several new staff have joined the local authority since December 2023. This has led to a reduction in caseloads. Work is required to continue to reduce caseloads down further, this is an ongoing priority.',
      ],
      line: 59,
    });
  });

  it('1.3 joins sentences cut by the page break and reads the owner cell ending with "&"', () => {
    expect(action('1.3')).toMatchObject({
      description:
        'Ensure all staff consistently complete chronologies on children’s case files which draw both on partners and historical information gathered through MASH (Multi Agency Safeguarding Hub) processes.',
      owners: ['Service Manager Operations', 'Team Managers'],
      commencing: '2024-04',
      rag: 'AMBER',
      progress: [
        "Team data days are in the process of being implemented to ensure all staff can have focus on updating chronologies and other aspects of children's files which will support effective analysis of a child's circumstances and inform appropriate planning.",
      ],
    });
  });

  it('4.1 splits six owners from one cell and is not yet rated', () => {
    expect(action('4.1')).toMatchObject({
      owners: [
        'Service Manager Children in Care',
        'Service Manager Operations',
        'Legal Services',
        'Virtual School Head',
        'Permanency Team',
        'Lead IRO',
      ],
      commencing: '2024-03',
      rag: 'NOT_RATED',
      line: 106,
    });
    expect(action('4.1').progress).toHaveLength(1);
  });

  it('4.3 has no owner, no date and three progress paragraphs', () => {
    expect(action('4.3')).toMatchObject({
      description:
        'To ensure that all children who would benefit from life story work are able to access this in a timely way.',
      owners: [],
      commencing: null,
      dueBy: null,
      rag: 'NOT_RATED',
      progress: [
        "Session with managers regarding the range of life story work available will take place through the 'all managers' community of practice.",
        'Workshops of practitioner led sessions for social workers working with children who are cared for are planned.',
        "Review of life story training offer will take place to ensure this is sufficient to meet practitioners' development needs.",
      ],
    });
    expect(result.warnings).toContainEqual({ line: 110, message: 'Action 4.3 has no action owner' });
  });

  it('6.5 maps "Childrens Management Team" to the known role and splits on "and"', () => {
    expect(action('6.5')).toMatchObject({
      owners: ["Children's Management Team", 'DaiT Manager'],
      commencing: '2024-03',
      rag: 'GREEN',
      progress: [
        'A mechanism is now provided for performance monitoring, practice development planning and timely response planning to any areas of focus.',
      ],
    });
  });

  it('7.6 reads the alias "LIRO" as Lead IRO', () => {
    expect(action('7.6').owners).toEqual([
      'Service Manager Children in Care',
      'Care Leavers Team',
      'Lead IRO',
    ]);
  });

  it('7.1 keeps paragraphs and splits owners on a comma', () => {
    expect(action('7.1')).toMatchObject({
      description:
        'Children and young people events take place through which they will be supported to express their views, wishes and feelings, and these are considered in the planning and delivery of services.' +
        '\n\nChildren placed off-island will be provided with opportunities and support to contribute their views and participate in the Corporate Parenting Board.',
      owners: ['Service Manager Children in Care', 'Service Manager Participation'],
      commencing: '2024-02',
      rag: 'AMBER',
      progress: [
        'Young people are part of childrens Trust event to co-produce 2024 - 2027 Children and Young People Plan.',
        'Have your Say events are scheduled to take place throughout the year through school holiday periods which provide mechanisms for feedback into service planning and delivery.',
      ],
    });
  });

  it('8.1 reads "Action What we will do" and a "Due by" column', () => {
    expect(action('8.1')).toEqual({
      ref: '8.1',
      description: 'Implement a new case electronic management system',
      owners: ["Children's Management Team"],
      commencing: null,
      dueBy: '2024-11',
      rag: 'AMBER',
      progress: [
        'The product Mosaic has been procured and a project team has been established to oversee implementation.',
      ],
      line: 181,
    });
  });

  it('7.5 invents no owner "Team" from the word between two known roles, and says so', () => {
    expect(action('7.5').owners).toEqual(['Service Manager Children in Care', 'Care Leavers Team']);
    expect(result.warnings).toContainEqual({
      line: 165,
      message:
        'Action 7.5: "Team" between "Service Manager Children in Care" and "Care Leavers Team" is not a ' +
        'known role; left out of the owners (if it is an owner, separate it with a comma)',
    });
  });
});
