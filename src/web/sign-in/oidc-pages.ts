import type { Provider, Type } from '@nestjs/common';
import { OidcFlows } from './oidc-flow.js';
import { OidcProvider } from './oidc-provider.js';
import { OidcSignInController } from './oidc-sign-in.controller.js';
import { OidcSignOut } from './oidc-sign-out.js';

export { OIDC_AUTH_CONFIG } from './oidc-provider.js';
export { OidcProvider } from './oidc-provider.js';
export { OidcSignOut } from './oidc-sign-out.js';

/** Sign-in with the council's OpenID Connect provider (authorization code + PKCE). */
export const OIDC_PAGES: Type[] = [OidcSignInController];
export const OIDC_PROVIDERS: Provider[] = [OidcProvider, OidcFlows, OidcSignOut];
