import { describe, expect, it } from '@jest/globals';
import { foldPlan, given } from '../../../test/support/decider-spec.js';
import {
  listOwnerRole,
  ownerRoleListed,
  ownerRoleRetired,
  retireOwnerRole,
} from '../../../test/support/owner-role-builders.js';
import {
  actionAdded,
  actionWithdrawn,
  OTHER_ACTION_ID,
  planClosed,
  planCreated,
  signedIn,
  themeAdded,
} from '../../../test/support/plan-builders.js';
import { authorize, capabilityOf } from './authorize.js';
import type { PlanCommand } from './commands.js';
import { decide } from './decide.js';
import { DomainError } from './errors.js';
import type { PlanEvent } from './events.js';

/** The message a refusal gives, for rules whose message must name something. */
function refusal(history: PlanEvent[], command: PlanCommand): string {
  try {
    decide(command, foldPlan(history), '2024-05-02T09:00:00.000Z');
  } catch (error) {
    if (error instanceof DomainError) return error.message;
  }
  throw new Error('expected a refusal');
}

const withLeadIro = () => [planCreated(), ownerRoleListed('Lead IRO', ['LIRO'])];

describe('listing an owner role', () => {
  it('adds a role with its aliases to the plan’s list', () =>
    given(planCreated())
      .when(listOwnerRole('Lead IRO', ['LIRO', ' Lead  Independent Reviewing Officer ']))
      .then([ownerRoleListed('Lead IRO', ['LIRO', 'Lead Independent Reviewing Officer'])]));

  it('lists a role with no aliases', () =>
    given(planCreated())
      .when(listOwnerRole('Team Managers', null))
      .then([ownerRoleListed('Team Managers', [])]));

  it('replaces the spelling and aliases of a role listed under the same name', () =>
    given(...withLeadIro())
      .when(listOwnerRole('lead IRO', ['L.I.R.O.', 'IRO Manager']))
      .then([ownerRoleListed('lead IRO', ['L.I.R.O.', 'IRO Manager'])]));

  it('refuses an alias that reads as the role’s own name (case and punctuation aside)', () =>
    given(planCreated())
      .when(listOwnerRole("Children's Management Team", ['Childrens Management Team']))
      .thenThrows('INVALID', 'aliases'));

  it('keeps one of two aliases that differ only in case', () =>
    given(planCreated())
      .when(listOwnerRole('Lead IRO', ['LIRO', 'liro']))
      .then([ownerRoleListed('Lead IRO', ['LIRO'])]));

  it('refuses a role already listed with those aliases', () =>
    given(...withLeadIro())
      .when(listOwnerRole('Lead IRO', ['LIRO']))
      .thenThrows('INVALID', 'name'));

  it('refuses a name that is another role’s alias', () =>
    given(...withLeadIro())
      .when(listOwnerRole('liro', []))
      .thenThrows('INVALID', 'name'));

  it('refuses an alias that is another role’s name', () => {
    const history = withLeadIro();
    given(...history)
      .when(listOwnerRole('Team Managers', ['Lead I.R.O.']))
      .thenThrows('INVALID', 'aliases');
    expect(refusal(history, listOwnerRole('Team Managers', ['Lead I.R.O.']))).toBe(
      '"Lead I.R.O." is the name of another listed role "Lead IRO"',
    );
  });

  it('refuses an alias that is already another role’s alias', () =>
    given(...withLeadIro())
      .when(listOwnerRole('IRO Service', ['LIRO']))
      .thenThrows('INVALID', 'aliases'));

  it('refuses a blank name', () =>
    given(planCreated()).when(listOwnerRole('  ', [])).thenThrows('INVALID', 'name'));

  it('refuses a name of punctuation only', () =>
    given(planCreated()).when(listOwnerRole('--', [])).thenThrows('INVALID', 'name'));

  it('refuses listing on a closed plan', () =>
    given(planCreated(), planClosed()).when(listOwnerRole()).thenThrows('CONFLICT', 'planId'));

  it('is for an ADMIN: an EDITOR is refused', () => {
    expect(capabilityOf(listOwnerRole())).toBe('administer');
    expect(capabilityOf(retireOwnerRole())).toBe('administer');
    expect(() =>
      authorize(listOwnerRole(), foldPlan([planCreated()]), signedIn({ roles: ['EDITOR'] })),
    ).toThrow(expect.objectContaining({ kind: 'FORBIDDEN' }));
  });
});

describe('retiring an owner role', () => {
  const ownedBy = (owners: string[], ref = '1.1', actionId?: string) =>
    actionAdded({ owners, ref, ...(actionId ? { actionId } : {}) });

  it('takes a role no action owns off the list, with the reason', () =>
    given(...withLeadIro())
      .when(retireOwnerRole('lead iro', 'Post deleted'))
      .then([ownerRoleRetired('Lead IRO', 'Post deleted')]));

  it('refuses a role that still owns actions, naming them', () => {
    const history = [
      ...withLeadIro(),
      themeAdded(),
      ownedBy(['Lead IRO']),
      ownedBy(['Team Managers', 'LIRO'], '1.2', OTHER_ACTION_ID),
    ];
    given(...history)
      .when(retireOwnerRole())
      .thenThrows('CONFLICT', 'name');
    expect(refusal(history, retireOwnerRole())).toBe(
      '"Lead IRO" still owns actions 1.1, 1.2: assign other owners first',
    );
  });

  it('does not count a withdrawn action', () =>
    given(...withLeadIro(), themeAdded(), ownedBy(['Lead IRO']), actionWithdrawn())
      .when(retireOwnerRole())
      .then([ownerRoleRetired()]));

  it('refuses a name not on the list', () =>
    given(...withLeadIro())
      .when(retireOwnerRole('Team Managers'))
      .thenThrows('NOT_FOUND', 'name'));

  it('refuses an alias, saying whose it is', () => {
    given(...withLeadIro())
      .when(retireOwnerRole('LIRO'))
      .thenThrows('INVALID', 'name');
    expect(refusal(withLeadIro(), retireOwnerRole('LIRO'))).toMatch(/"LIRO" is an alias of "Lead IRO"/);
  });

  it('refuses retiring without a reason', () =>
    given(...withLeadIro())
      .when(retireOwnerRole('Lead IRO', ' '))
      .thenThrows('INVALID', 'reason'));
});
