import { Injectable } from '@nestjs/common';
import { OidcProvider } from './oidc-provider.js';

/**
 * Where to send someone who signs out of the pages. Through a provider, its end-session endpoint
 * (with `post_logout_redirect_uri` = PUBLIC_URL/sign-in), so they are not signed straight back in
 * by the provider's own session; otherwise undefined and the caller goes to /sign-in.
 */
@Injectable()
export class OidcSignOut {
  constructor(private readonly provider: OidcProvider) {}

  url(): string | undefined {
    return this.provider.endSessionUrl();
  }
}
