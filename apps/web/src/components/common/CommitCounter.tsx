'use client';

import { Profiler, type ReactNode } from 'react';

declare global {
  interface Window {
    /** React commits that re-rendered each counted part, by id (apps/web-e2e's render-counts spec). */
    __quireCommits?: Record<string, number>;
  }
}

function count(id: string): void {
  const counts = (window.__quireCommits ??= {});
  counts[id] = (counts[id] ?? 0) + 1;
}

/**
 * Counts the React commits that re-render `children` under `id` in `window.__quireCommits`. React
 * calls a Profiler's onRender only in development and in a profiling build (`QUIRE_WEB_PROFILING=1`,
 * next.config.mjs): a production build renders the children and counts nothing.
 */
export function CommitCounter({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Profiler id={id} onRender={count}>
      {children}
    </Profiler>
  );
}
