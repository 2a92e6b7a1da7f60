import { focusManager, QueryClient } from '@tanstack/react-query';

/**
 * What the page shows may have changed elsewhere while the tab was hidden (a rename, a session
 * ended on another device): queries are read again when it comes back. Listened for on the
 * document, where browsers fire `visibilitychange` (and where a page that is told it came back, as
 * the browser tests tell a headless one, hears it).
 */
focusManager.setEventListener((onFocus) => {
  if (typeof document === 'undefined') return undefined;
  const listener = () => onFocus();
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
});

/**
 * The page's one cache of API answers. A query is read when a page needs it, again when the tab
 * comes back into view or the network returns, and whenever a change invalidates it; a failed
 * background read keeps what is shown. No retries: an unreachable server is said at once, and the
 * person chooses when to try again.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false },
      mutations: { retry: false },
    },
  });
}
