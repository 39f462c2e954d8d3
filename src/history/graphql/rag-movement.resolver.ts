import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { NetRagChange as NetChange, RagMovement as Movement } from '../domain/plan-diff.js';
import { NetRagChange, RagMovement } from './history.types.js';

/*
 * `reasons` as clients of the first planChanges read it: ragMovements was the net change per action
 * with every reason of the period; it is now every movement, and the net change is netRagChanges.
 */

@Resolver(() => RagMovement)
export class RagMovementResolver {
  @ResolveField(() => [String], {
    deprecationReason:
      'A movement is one RAG change now: read reason (and netRagChanges for the net change per action).',
  })
  reasons(@Parent() movement: Movement): string[] {
    return [movement.reason];
  }
}

@Resolver(() => NetRagChange)
export class NetRagChangeResolver {
  @ResolveField(() => [String], { description: 'The reason of each movement behind it, oldest first.' })
  reasons(@Parent() change: NetChange): string[] {
    return change.movements.map((movement) => movement.reason);
  }
}
