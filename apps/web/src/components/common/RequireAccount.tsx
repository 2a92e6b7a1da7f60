'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { useServerUrl } from '../../hooks/use-server-url';
import { useWhenVisible } from '../../hooks/use-when-visible';
import { useSessionInfo } from '../../hooks/use-session-info';
import { isUnreachable, onUnauthorized } from '../../lib/api/request';
import type { SessionInfo, User } from '../../lib/api/types';
import { withNext } from '../../lib/next-path';
import styles from './page-status.module.css';
import { PageLoading } from './PageStatus';
import { ServerUnreachable } from './ServerUnreachable';

export interface SignedIn {
  user: User;
  serverUrl: string;
  session: SessionInfo;
}

interface Props {
  configuredServerUrl: string | null;
  /** What the page does, for messages: "load your documents". */
  action: string;
  /**
   * Read the session again when the tab comes back into view or the API refuses a call with 401,
   * and go to sign-in once it has ended (default). The editor opts out: leaving it would drop
   * edits its socket has not sent yet, and it shows its own "sign in again" instead.
   */
  watchSession?: boolean;
  children: (signedIn: SignedIn) => ReactNode;
}

/**
 * Renders `children` for a signed-in person. A fresh instance goes to /setup first; someone signed
 * out goes to /signin, and comes back here afterwards.
 */
export function RequireAccount({ configuredServerUrl, action, watchSession = true, children }: Props) {
  const serverUrl = useServerUrl(configuredServerUrl);
  const { state, reload, refresh } = useSessionInfo(serverUrl);
  const router = useRouter();
  const pathname = usePathname();
  const session = state.kind === 'loaded' ? state.value : null;
  const destination = session?.setupNeeded ? '/setup' : session && !session.user ? withNext('/signin', currentPath(pathname)) : null;

  useEffect(() => {
    if (destination) router.replace(destination);
  }, [destination, router]);

  useWhenVisible(refresh, watchSession);
  useEffect(() => (watchSession ? onUnauthorized(refresh) : undefined), [watchSession, refresh]);

  if (state.kind === 'error' && serverUrl) {
    return (
      <main id="main" className={styles.notice}>
        {isUnreachable(state.error) ? (
          <ServerUnreachable serverUrl={serverUrl} onRetry={reload} action={action} />
        ) : (
          <p role="alert">
            The server could not say who is signed in: {state.error.message}.{' '}
            <button type="button" className="button" onClick={reload}>
              Try again
            </button>
          </p>
        )}
      </main>
    );
  }
  if (!session || !serverUrl || !session.user || destination) {
    return (
      <main id="main">
        <PageLoading label={destination === '/setup' ? 'Opening setup…' : destination ? 'Opening sign-in…' : 'Loading…'} />
      </main>
    );
  }
  return <>{children({ user: session.user, serverUrl, session })}</>;
}

/** The path and query of this page, to come back to after signing in. */
function currentPath(pathname: string | null): string {
  if (typeof window === 'undefined') return pathname ?? '/';
  return `${window.location.pathname}${window.location.search}`;
}
