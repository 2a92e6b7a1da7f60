'use client';

import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * Renders `children` in a transition after `fallback` has been shown: React then renders the new
 * tree in slices of a few milliseconds, letting the browser paint and take input between them,
 * rather than in the one task of the update that made it appear. A query's answer re-renders
 * synchronously (TanStack Query reads its cache through useSyncExternalStore), so a whole screen
 * appearing with it (the editor, once the session is known) would otherwise be built in one long
 * task (apps/web-e2e README, `comments-performance`).
 */
export function MountInTransition({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => startTransition(() => setShown(true)), []);
  return <>{shown ? children : fallback}</>;
}
