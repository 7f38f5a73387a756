// The headers every page and file of the app is served with, in Electron (app:// protocol) and in
// the web mode (127.0.0.1 server): one strict CSP, no sniffing, no framing, no referrer.

/**
 * The Content-Security-Policy of the app (the renderer's meta tag says the same).
 * electronegativity CSP_GLOBAL_CHECK flags script-src 'self' as "maybe weak" (JSONP, Angular, uploads):
 * a false positive here — the origin serves only the built bundle, and imported files are never served.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Headers for every static response (HTML, scripts, styles, fonts). */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=()',
  };
}
