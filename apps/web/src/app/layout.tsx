import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { configuredServerUrl } from '../lib/configured-server-url';
import { ApiProvider } from '../lib/api/api-context';
import './globals.css';
import './prosemirror.css';

export const metadata: Metadata = {
  title: { default: 'Quire', template: '%s — Quire' },
  description: 'Write together, live: a self-hosted collaborative document editor.',
};

export const viewport: Viewport = {
  themeColor: '#f4f2ee',
  width: 'device-width',
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the server URL is read then, so one build runs against any
  // server, and each response gets its own CSP nonce (src/proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body>
        <ApiProvider configuredServerUrl={configuredServerUrl()}>{children}</ApiProvider>
      </body>
    </html>
  );
}
