import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
