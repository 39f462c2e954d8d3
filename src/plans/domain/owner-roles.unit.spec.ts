import { describe, expect, it } from '@jest/globals';
import { foldPlan, given } from '../../../test/support/decider-spec.js';
import { ownerRoleListed, ownerRoleRetired } from '../../../test/support/owner-role-builders.js';
import {
  actionAdded,
  actionOwnersAssigned,
  addAction,
  assignActionOwners,
  changeRagStatus,
  planCreated,
  signedIn,
  themeAdded,
} from '../../../test/support/plan-builders.js';
import { authorize } from './authorize.js';
import { decide } from './decide.js';
import { closestRole } from './owner-roles.js';

const listed = () => [
  planCreated(),
  themeAdded(),
  ownerRoleListed('Lead IRO', ['LIRO']),
  ownerRoleListed('Team Managers', []),
  ownerRoleListed("Children's Management Team", ['Childrens Management Team']),
];

describe('a plan’s list of owner roles', () => {
  it('keeps roles in the order listed; listing one again replaces its spelling and aliases in place', () => {
    const plan = foldPlan([...listed(), ownerRoleListed('LEAD IRO', ['IRO Manager'])]);
    expect(plan?.ownerRoles).toEqual([
      { name: 'LEAD IRO', aliases: ['IRO Manager'] },
      { name: 'Team Managers', aliases: [] },
      { name: "Children's Management Team", aliases: ['Childrens Management Team'] },
    ]);
  });

  it('drops a retired role', () =>
    expect(
      foldPlan([...listed(), ownerRoleRetired('Team Managers')])?.ownerRoles.map((role) => role.name),
    ).toEqual(['Lead IRO', "Children's Management Team"]));

  it('starts empty: a plan has no list until a role is listed', () =>
    expect(foldPlan([planCreated()])?.ownerRoles).toEqual([]));
});

describe('owners of a plan with a list', () => {
  it('records an alias as the listed name', () =>
    given(...listed())
      .when(addAction({ owners: ['LIRO', 'childrens management team'] }))
      .then([actionAdded({ owners: ['Lead IRO', "Children's Management Team"] })]));

  it('records a name with other case or punctuation as the list spells it, once', () =>
    given(...listed())
      .when(addAction({ owners: ['team managers', 'L.I.R.O', 'Lead IRO'] }))
      .then([actionAdded({ owners: ['Team Managers', 'Lead IRO'] })]));

  it('refuses an owner not on the list, naming it and the closest listed role', () => {
    given(...listed())
      .when(addAction({ owners: ['Team'] }))
      .thenThrows('INVALID', 'owners');
    expect(() =>
      decide(addAction({ owners: ['Lead IRO', 'Team'] }), foldPlan(listed()), '2024-05-02T09:00:00Z'),
    ).toThrow(
      '"Team" is not on the plan\'s list of owner roles; did you mean "Team Managers"? (an ADMIN can add it with listOwnerRole)',
    );
  });

  it('refuses an unknown owner without a guess when nothing listed is close', () =>
    expect(() =>
      decide(addAction({ owners: ['Police Liaison'] }), foldPlan(listed()), '2024-05-02T09:00:00Z'),
    ).toThrow(
      '"Police Liaison" is not on the plan\'s list of owner roles (an ADMIN can add it with listOwnerRole)',
    ));

  it('assigns owners by their aliases, recorded as the listed names', () =>
    given(...listed(), actionAdded({ owners: ['Team Managers'] }))
      .when(assignActionOwners(['liro']))
      .then([actionOwnersAssigned(['Lead IRO'])]));

  it('refuses assigning an owner not on the list', () =>
    given(...listed(), actionAdded({ owners: ['Team Managers'] }))
      .when(assignActionOwners(['Lead IRP']))
      .thenThrows('INVALID', 'owners'));

  it('refuses assigning the owners an action already has, through an alias', () =>
    given(...listed(), actionAdded({ owners: ['Lead IRO'] }))
      .when(assignActionOwners(['LIRO']))
      .thenThrows('INVALID', 'owners'));

  it('accepts any owner on a plan with no list, as written', () =>
    given(planCreated(), themeAdded())
      .when(addAction({ owners: ['LIRO', 'Police Liaison'] }))
      .then([actionAdded({ owners: ['LIRO', 'Police Liaison'] })]));

  it('accepts any owner again once the last role is retired', () =>
    given(planCreated(), themeAdded(), ownerRoleListed('Lead IRO', []), ownerRoleRetired('Lead IRO'))
      .when(addAction({ owners: ['Police Liaison'] }))
      .then([actionAdded({ owners: ['Police Liaison'] })]));
});

describe('owner scoping through the list', () => {
  it('lets an EDITOR who owns "LIRO" change an action of "Lead IRO", and no other', () => {
    const plan = foldPlan([...listed(), actionAdded({ owners: ['Lead IRO'] })]);
    const editor = signedIn({ roles: ['EDITOR'], owns: ['LIRO'] });
    expect(() => authorize(changeRagStatus(), plan, editor)).not.toThrow();
    const other = signedIn({ roles: ['EDITOR'], owns: ['Team Managers'] });
    expect(() => authorize(changeRagStatus(), plan, other)).toThrow(
      expect.objectContaining({ kind: 'FORBIDDEN' }),
    );
  });
});

describe('the closest listed role', () => {
  const roles = foldPlan(listed())!.ownerRoles;
  it.each([
    ['Team', 'Team Managers'],
    ['Lead IRP', 'Lead IRO'],
    ['Childrens Mgmt Team', "Children's Management Team"],
    ['LIRA', 'Lead IRO'],
  ])('suggests for "%s" the role "%s"', (name, expected) =>
    expect(closestRole(roles, name)?.name).toBe(expected),
  );

  it('suggests nothing for a name sharing no word and far from every listed one', () =>
    expect(closestRole(roles, 'Police Liaison')).toBeUndefined());
});
