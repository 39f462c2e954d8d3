// GOV.UK Frontend's behaviour (buttons, error summary focus…): an enhancement, never required.
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();
