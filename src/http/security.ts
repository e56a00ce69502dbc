import helmet from 'helmet';
import type { Config } from '../config.js';

/**
 * Strict headers for every response: no inline script or style anywhere in our pages, nothing framed,
 * no plug-ins, no <base> rewriting. Bootstrap's CSS embeds small SVG icons as data: URIs, hence img-src data:.
 */
export function securityHeaders(config: Config) {
  const behindTls = config.trustProxy > 0;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        ...(behindTls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: behindTls ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
}
