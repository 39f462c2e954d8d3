import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import {
  directionLabel,
  formatDay,
  formatInstant,
  formatPlanDate,
  ragLabel,
  statusLabel,
} from '../reports/presentation/display.js';
import { CSRF_FIELD, FORM_KEY_FIELD } from './session/web-session.js';

const require = createRequire(import.meta.url);

/** GOV.UK Frontend's templates and built assets, straight from node_modules. */
export const GOVUK_FRONTEND_DIST = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');

/** The folder holding package.json: where the app runs from src (tests), dist or dist-bench. */
function projectRoot(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`No package.json above ${from}`);
  }
}

/** The pages' own templates and assets are read from src/web, never copied into a build. */
const WEB_SOURCE = join(projectRoot(dirname(fileURLToPath(import.meta.url))), 'src', 'web');
export const VIEWS_DIR = join(WEB_SOURCE, 'views');
export const PUBLIC_DIR = join(WEB_SOURCE, 'public');

export const SERVICE_NAME = 'Improvement plan tracker';

/**
 * Nunjucks, the GOV.UK template language, with autoescaping on: every value a user typed is
 * escaped unless a template says otherwise. Templates are read once and cached.
 */
export function createViews(): nunjucks.Environment {
  const environment = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([VIEWS_DIR, GOVUK_FRONTEND_DIST]),
    {
      autoescape: true,
      throwOnUndefined: false,
    },
  );
  environment.addGlobal('serviceName', SERVICE_NAME);
  environment.addGlobal('csrfField', CSRF_FIELD);
  environment.addGlobal('formKeyField', FORM_KEY_FIELD);
  // Called once per form, so two forms on one page (My actions) never share a key.
  environment.addGlobal('newFormKey', () => randomUUID());
  // The board pack's wording and UK formats, so a page and the printed pack say the same thing.
  environment.addFilter('ragLabel', ragLabel);
  environment.addFilter('statusLabel', statusLabel);
  environment.addFilter('directionLabel', directionLabel);
  environment.addFilter('day', (value: string | null) => (value ? formatDay(value) : ''));
  environment.addFilter('instant', (value: string | null) => (value ? formatInstant(value) : ''));
  environment.addFilter('planDate', formatPlanDate);
  return environment;
}
