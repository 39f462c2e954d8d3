import { ValidateBy, type ValidationArguments } from 'class-validator';
import { textFault, type TextFault, type TextRuleOptions } from '../shared/text-rule.js';

/** The class-validator constraint's name. */
export const ACCEPTABLE_TEXT = 'acceptableText';

export interface FaultInValue {
  /** The list item at fault, or null for a single text. */
  readonly index: number | null;
  readonly fault: TextFault;
}

/** The first text in a string or a list of strings that the text rule refuses. */
export function faultInValue(value: unknown, options: TextRuleOptions): FaultInValue | null {
  if (typeof value === 'string') {
    const fault = textFault(value, options);
    return fault && { index: null, fault };
  }
  if (!Array.isArray(value)) return null;
  // An item of a list is never "not given": a blank owner or alias is refused.
  for (const [index, item] of value.entries()) {
    const fault = typeof item === 'string' ? textFault(item) : null;
    if (fault) return { index, fault };
  }
  return null;
}

const described = ({ property, value, constraints }: ValidationArguments): string => {
  const found = faultInValue(value, constraints[0] as TextRuleOptions);
  if (!found) return `${property} is not acceptable text`;
  return `${property}${found.index === null ? '' : `[${found.index}]`} ${found.fault.message}`;
};

/**
 * The text rule (src/shared/text-rule.ts) on a string field, or on each string of a list field,
 * at the API's edge: a refused text answers BAD_USER_INPUT naming the field, before anything is
 * decided. Where blank means "not given", pass `{ blankAllowed: true }`.
 */
export function AcceptableText(options: TextRuleOptions = {}): PropertyDecorator {
  return ValidateBy({
    name: ACCEPTABLE_TEXT,
    constraints: [options],
    validator: {
      validate: (value: unknown) => faultInValue(value, options) === null,
      defaultMessage: described,
    },
  });
}
