import { describe, expect, it } from '@jest/globals';
import { foldPlan } from '../../../test/support/decider-spec.js';
import {
  addProgressNote,
  approvePlan,
  changeRagStatus,
  createPlan,
  planCreated,
  planWithAction,
  signedIn,
  withdrawAction,
} from '../../../test/support/plan-builders.js';
import type { Actor } from '../../auth/domain/actor.js';
import { authorize } from './authorize.js';
import type { PlanCommand } from './commands.js';
import { DomainError } from './errors.js';
import type { PlanEvent } from './events.js';

/** given(history).when(command, by actor): allowed, or refused with kind and field. */
function given(...history: PlanEvent[]) {
  const plan = foldPlan(history);
  return {
    when: (command: PlanCommand, actor: Actor | undefined) => ({
      allowed: () => expect(() => authorize(command, plan, actor)).not.toThrow(),
      refused: (kind: string, field?: string) => {
        try {
          authorize(command, plan, actor);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect({ kind: (error as DomainError).kind, field: (error as DomainError).field }).toEqual({
            kind,
            field,
          });
          return;
        }
        throw new Error('expected a refusal');
      },
    }),
  };
}

const EDITOR = signedIn({ roles: ['EDITOR'] });

describe('who may change a plan (decided with the commands)', () => {
  it('refuses every change when nobody signed in', () =>
    given(...planWithAction())
      .when(addProgressNote(), undefined)
      .refused('UNAUTHENTICATED'));

  it('lets an EDITOR update an action: RAG, notes', () => {
    given(...planWithAction())
      .when(changeRagStatus(), EDITOR)
      .allowed();
    given(...planWithAction())
      .when(addProgressNote(), EDITOR)
      .allowed();
  });

  it('keeps plan-level changes and withdrawing for an ADMIN', () => {
    given(...planWithAction())
      .when(withdrawAction(), EDITOR)
      .refused('FORBIDDEN');
    given(planCreated()).when(approvePlan(), EDITOR).refused('FORBIDDEN');
    given(...planWithAction())
      .when(withdrawAction(), signedIn())
      .allowed();
  });

  it('never lets a VIEWER or an AUDITOR write', () => {
    given(...planWithAction())
      .when(addProgressNote(), signedIn({ roles: ['VIEWER'] }))
      .refused('FORBIDDEN');
    given(...planWithAction())
      .when(addProgressNote(), signedIn({ roles: ['AUDITOR'] }))
      .refused('FORBIDDEN');
  });

  describe('an EDITOR who owns some roles', () => {
    const iro = signedIn({ roles: ['EDITOR'], owns: ['Lead IRO'] });

    it('changes an action one of those roles owns (any case)', () =>
      given(...planWithAction({ owners: ['Service Director', 'lead iro'] }))
        .when(changeRagStatus(), iro)
        .allowed());

    it('matches owners as the import does: punctuation and apostrophes aside', () =>
      given(...planWithAction({ owners: ["Children's Management Team"] }))
        .when(changeRagStatus(), signedIn({ roles: ['EDITOR'], owns: ['Childrens Management Team'] }))
        .allowed());

    it('may not change an action owned by others, or by nobody', () => {
      given(...planWithAction({ owners: ['Team Managers'] }))
        .when(addProgressNote(), iro)
        .refused('FORBIDDEN', 'actionId');
      given(...planWithAction({ owners: [] }))
        .when(addProgressNote(), iro)
        .refused('FORBIDDEN', 'actionId');
    });

    it('is not scoped when also an ADMIN', () =>
      given(...planWithAction({ owners: ['Team Managers'] }))
        .when(addProgressNote(), { ...iro, roles: ['EDITOR', 'ADMIN'] })
        .allowed());
  });

  describe('a user of one local authority', () => {
    const iow = signedIn({ localAuthority: 'Isle of Wight Council' });

    it('is told a plan of another authority does not exist', () =>
      given(...planWithAction())
        .when(changeRagStatus(), iow)
        .refused('NOT_FOUND', 'planId'));

    it('changes plans of their own authority', () =>
      given(planCreated({ localAuthority: 'isle of wight council' }))
        .when(approvePlan(), iow)
        .allowed());

    it('creates plans only for their own authority', () => {
      given()
        .when(createPlan({ localAuthority: 'Isle of Wight Council' }), iow)
        .allowed();
      given()
        .when(createPlan({ localAuthority: 'Hampshire County Council' }), iow)
        .refused('FORBIDDEN', 'localAuthority');
    });
  });
});
