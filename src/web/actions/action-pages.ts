import type { Type } from '@nestjs/common';
import { ActionController } from './action.controller.js';
import { MyActionsController } from './my-actions.controller.js';

/** An editor's own actions, an action's page and timeline, and the forms that change an action. */
export const ACTION_PAGES: Type[] = [MyActionsController, ActionController];
