import { Logger, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config.js';
import { Authenticator, TOKEN_VERIFIER } from './authenticator.js';
import { loadAuthConfig } from './tokens/auth-config.js';
import { createTokenVerifier } from './tokens/token-verifier.js';

/** Sign-in: the token verifier for the configured provider (or the embedded key) and the authenticator. */
@Module({})
export class AuthModule {
  static forConfig(config: Pick<AppConfig, 'dataDir' | 'auth'>): DynamicModule {
    const logger = new Logger('SignIn');
    const auth = config.auth ?? loadAuthConfig({}, config.dataDir);
    return {
      module: AuthModule,
      global: true,
      providers: [
        {
          provide: TOKEN_VERIFIER,
          useFactory: () => createTokenVerifier(auth, { warn: (message) => logger.warn(message) }),
        },
        Authenticator,
      ],
      exports: [Authenticator, TOKEN_VERIFIER],
    };
  }
}
