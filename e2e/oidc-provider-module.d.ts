// The few parts of oidc-provider (which ships no types) that the test provider uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export default class Provider {
    constructor(issuer: string, configuration?: Record<string, unknown>);
    /** A node:http request listener. */
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
