import type { PlanVerification, RecordedHeadCheck } from '../audit/audit-trail.js';

const events = (count: number) => `${count} ${count === 1 ? 'event' : 'events'}`;

/** `<planId>  valid  12 events  head <hash>`, or `INVALID at version 4` in place of `valid`. */
export function verificationLine(plan: PlanVerification): string {
  const state = plan.valid ? 'valid' : `INVALID at version ${plan.firstInvalidVersion}`;
  const uncovered = plan.version - plan.eventsChecked;
  // Events recorded before tamper evidence, with no hashed event after them yet: said, not hidden.
  const checked =
    uncovered > 0
      ? `${events(plan.eventsChecked)} (of ${plan.version}: ${uncovered} not covered by a stored hash)`
      : events(plan.eventsChecked);
  return `${plan.planId}  ${state}  ${checked}  head ${plan.headHash}`;
}

/** What a head recorded earlier says about the plan as stored now. */
export function recordedHeadText(check: RecordedHeadCheck, recordedHead: string): string {
  const version = check.recordedHeadVersion;
  if (version === null) {
    return (
      `Recorded head ${recordedHead} matches no version of plan ${check.planId}: an event up to the ` +
      `point it was recorded has been changed or removed since. The plan is now at version ` +
      `${check.version}, head ${check.headHash}.`
    );
  }
  if (version === check.version) {
    return `Recorded head matches version ${version}, the latest: the history is as it was when it was recorded.`;
  }
  return (
    `Recorded head matches version ${version} of ${check.version}: events 1 to ${version} are as they ` +
    `were when it was recorded; ${events(check.version - version)} recorded since.`
  );
}
