import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/*
 * Issue 18, defect 5: the text rule holds for every string an input type takes. A field added
 * without it fails here, naming the field. Ids checked as UUIDs and dates parsed by their scalars
 * are text of a known shape already; the import's `text` is a whole file, checked cell by cell.
 */
const SRC = new URL('..', import.meta.url).pathname;
const CHECKED = new Set(['AcceptableText', 'OwnersField', 'IsUUID']);
const SCALAR = /^\(\) => (DateScalar|PlanDateScalar|DateTimeScalar)$/;
const EXEMPT = new Set(['ImportPlanInput.text']);

const graphqlFiles = (): string[] =>
  readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((path) => /(^|\/)graphql\/[^/]+\.ts$/.test(path) && !path.endsWith('.spec.ts'))
    .map((path) => join(SRC, path));

const decoratorsOf = (node: ts.Node): ts.Decorator[] =>
  ts.canHaveDecorators(node) ? [...(ts.getDecorators(node) ?? [])] : [];
const calleeOf = (decorator: ts.Decorator): string =>
  ts.isCallExpression(decorator.expression)
    ? decorator.expression.expression.getText()
    : decorator.expression.getText();

/** "Class.field" for each string field of an input type that nothing checks. */
function uncheckedStringFields(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const inputClasses = source.statements
    .filter(ts.isClassDeclaration)
    .filter((node) => decoratorsOf(node).some((decorator) => calleeOf(decorator) === 'InputType'));
  return inputClasses.flatMap((node) =>
    node.members.filter(ts.isPropertyDeclaration).flatMap((property) => {
      const name = `${node.name?.getText()}.${property.name.getText()}`;
      if (!/\bstring\b/.test(property.type?.getText() ?? '') || EXEMPT.has(name)) return [];
      const decorators = decoratorsOf(property);
      const checked = decorators.some((decorator) => CHECKED.has(calleeOf(decorator)));
      const scalar = decorators.some(
        (decorator) =>
          calleeOf(decorator) === 'Field' &&
          ts.isCallExpression(decorator.expression) &&
          SCALAR.test(decorator.expression.arguments[0]?.getText() ?? ''),
      );
      return checked || scalar ? [] : [name];
    }),
  );
}

describe('the text rule on input types', () => {
  it('covers every string field of every GraphQL input type', () => {
    const files = graphqlFiles();
    expect(files.length).toBeGreaterThan(5);
    expect(files.flatMap(uncheckedStringFields)).toEqual([]);
  });
});
