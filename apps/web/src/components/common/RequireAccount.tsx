'use client';

import type { SessionInfo, UserView } from '@quire/api-contract';
import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';
import { useApi } from '../../lib/api/api-context';
import { sessionQuery } from '../../lib/api/auth';
import { isUnreachable } from '../../lib/api/client';
import { withNext } from '../../lib/next-path';
import styles from './page-status.module.css';
import { PageLoading } from './PageStatus';
import { ServerUnreachable } from './ServerUnreachable';

interface Props {
  /** What the page does, for messages: "load your documents". */
  action: string;
  /**
   * Follow the session as it is read again (when the tab comes back into view, or after any call
   * refused with 401) and go to sign-in once it has ended (default). The editor opts out: leaving
   * it would drop edits its socket has not sent yet, and it shows its own "sign in again" instead.
   */
  watchSession?: boolean;
  children: (user: UserView) => ReactNode;
}

/**
 * Renders `children` for a signed-in person. A fresh instance goes to /setup first; someone signed
 * out goes to /signin, and comes back here afterwards.
 */
export function RequireAccount({ action, watchSession = true, children }: Props) {
  const api = useApi();
  const { data, error, refetch } = useQuery({ ...sessionQuery(api), refetchOnWindowFocus: watchSession });
  // Without watching, the page keeps the session it opened with.
  const [opened, setOpened] = useState<SessionInfo | null>(null);
  if (!watchSession && !opened && data?.user) setOpened(data);
  const session = watchSession ? data : (opened ?? data);
  const router = useRouter();
  const pathname = usePathname();
  const destination = session?.setupNeeded ? '/setup' : session && !session.user ? withNext('/signin', currentPath(pathname)) : null;

  useEffect(() => {
    if (destination) router.replace(destination);
  }, [destination, router]);

  if (!session && error) {
    return (
      <main id="main" className={styles.notice}>
        {isUnreachable(error) ? (
          <ServerUnreachable onRetry={() => void refetch()} action={action} />
        ) : (
          <p role="alert">
            The server could not say who is signed in: {error.message}.{' '}
            <button type="button" className="button" onClick={() => void refetch()}>
              Try again
            </button>
          </p>
        )}
      </main>
    );
  }
  if (!session?.user || destination) {
    return (
      <main id="main">
        <PageLoading label={destination === '/setup' ? 'Opening setup…' : destination ? 'Opening sign-in…' : 'Loading…'} />
      </main>
    );
  }
  return <>{children(session.user)}</>;
}

/** The path and query of this page, to come back to after signing in. */
function currentPath(pathname: string | null): string {
  if (typeof window === 'undefined') return pathname ?? '/';
  return `${window.location.pathname}${window.location.search}`;
}
