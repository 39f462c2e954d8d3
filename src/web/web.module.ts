import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config.js';
import { ACTION_PAGES } from './actions/action-pages.js';
import { ADMIN_PAGES } from './admin/admin-pages.js';
import { PLAN_PAGES } from './plans/plan-pages.js';
import { loadSessionKey } from './session/session-key.js';
import { SESSION_KEY, WebSessions } from './session/web-session.js';
import { OIDC_AUTH_CONFIG, OIDC_PAGES, OIDC_PROVIDERS } from './sign-in/oidc-pages.js';
import { SignInController, WEB_SIGN_IN_MODE } from './sign-in/sign-in.controller.js';
import { WebGraphQL } from './web-graphql.js';
import { WebPages } from './web-pages.js';

/** The pages for people who do not write GraphQL: server-rendered, GOV.UK Frontend, same app. */
@Module({})
export class WebModule {
  static forConfig(config: Pick<AppConfig, 'dataDir' | 'auth'>): DynamicModule {
    return {
      module: WebModule,
      controllers: [SignInController, ...OIDC_PAGES, ...PLAN_PAGES, ...ACTION_PAGES, ...ADMIN_PAGES],
      providers: [
        {
          provide: SESSION_KEY,
          useFactory: () => loadSessionKey(config.dataDir, process.env.SESSION_SECRET),
        },
        { provide: WEB_SIGN_IN_MODE, useValue: config.auth?.mode ?? 'embedded' },
        { provide: OIDC_AUTH_CONFIG, useValue: config.auth ?? null },
        WebSessions,
        WebGraphQL,
        WebPages,
        ...OIDC_PROVIDERS,
      ],
      exports: [WebSessions, SESSION_KEY],
    };
  }
}
