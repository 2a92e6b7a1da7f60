import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { configuredServerUrl } from '../lib/configured-server-url';
import { ApiProvider } from '../lib/api/api-context';
import { ThemeScript } from '../components/common/ThemeScript';
import { ThemeSync } from '../components/common/ThemeSync';
import { SearchDialog } from '../components/search/SearchDialog';
import { ServiceWorkerRegistration } from '../components/common/ServiceWorkerRegistration';
import './globals.css';
import './prosemirror.css';

export const metadata: Metadata = {
  title: { default: 'Quire', template: '%s — Quire' },
  description: 'Write together, live: a self-hosted collaborative document editor.',
};

export const viewport: Viewport = {
  // The browser's own bar: the page colour of each theme (--color-page in globals.css).
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f4f2ee' },
    { media: '(prefers-color-scheme: dark)', color: '#141312' },
  ],
  width: 'device-width',
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the server URL is read then, so one build runs against any
  // server, and each response gets its own CSP nonce (src/proxy.ts).
  await connection();
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // The theme script may set data-theme before React hydrates: the DOM's attribute is kept.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body>
        <ThemeSync />
        <ServiceWorkerRegistration />
        <ApiProvider configuredServerUrl={configuredServerUrl()}>
          {children}
          <SearchDialog />
        </ApiProvider>
      </body>
    </html>
  );
}
