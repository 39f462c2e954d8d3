import type { APIRequestContext } from '@playwright/test';

/**
 * A scene set up by the first test of a file that needs it, and shared by the file's later tests
 * in the same worker (a file runs in one worker; a worker that restarts after a failure sets it up
 * again). Only for scenes the sharing tests read but do not change in ways the others check, so a
 * test passes or fails the same whichever test built the scene. Importing the 36-action fixture
 * once instead of in every test is most of what it saves.
 */
export function sharedScene<T>(build: (request: APIRequestContext) => Promise<T>) {
  let built: Promise<T> | undefined;
  return (request: APIRequestContext): Promise<T> => (built ??= build(request));
}
