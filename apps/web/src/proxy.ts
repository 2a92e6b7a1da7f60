import { NextResponse, type NextRequest } from 'next/server';
import { configuredServerUrl } from './lib/configured-server-url';
import { contentSecurityPolicy, newNonce } from './lib/content-security-policy';

/**
 * Gives every page a fresh nonce and its Content-Security-Policy (Next.js's documented nonce
 * approach, node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md): Next.js reads
 * the nonce from the policy on the request and puts it on its own scripts while rendering, which is
 * why every page renders per request. The other security headers are in next.config.mjs.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    configuredServerUrl: configuredServerUrl(),
    requestHostname: hostnameOf(request.headers.get('host')),
    development: process.env.NODE_ENV === 'development',
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  // For the root layout's own inline script (the theme), as Next.js's guide passes it.
  requestHeaders.set('x-nonce', nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

/** The host name in a Host header ("docs.example.com:3000" → "docs.example.com"); '' if none. */
function hostnameOf(host: string | null): string {
  if (!host) return '';
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return '';
  }
}

export const config = {
  matcher: [
    {
      // Pages, not the build's static files; prefetches carry no HTML to protect.
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
