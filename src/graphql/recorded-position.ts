import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './request-context.js';

/** The response header, and the header a client sends back to read its own write on any instance. */
export const RECORDED_POSITION_HEADER = 'x-recorded-position';
export const READ_AFTER_HEADER = 'x-read-after-position';

/**
 * A mutation's answer says where in the store its change was recorded (`extensions.recordedPosition`
 * and the X-Recorded-Position header). Sent back as X-Read-After-Position, any instance answers
 * only once it has folded that far: read-your-writes behind a load balancer.
 */
export const recordedPosition: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const position = contextValue.written?.position;
        if (position === undefined || response.body.kind !== 'single') return;
        const { singleResult } = response.body;
        singleResult.extensions = { ...singleResult.extensions, recordedPosition: String(position) };
        response.http.headers.set(RECORDED_POSITION_HEADER, String(position));
      },
    };
  },
};
