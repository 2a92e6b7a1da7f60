'use client';

import type { SessionInfo, UserView } from '@quire/api-contract';
import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useRetryWhileUnreachable } from '../../hooks/use-retry-while-unreachable';
import { deviceAccount, rememberDeviceAccount } from '../../lib/device-account';
import { AppHeader } from './AppHeader';
import { KeptDocuments } from './KeptDocuments';
import appHeaderStyles from './app-header.module.css';
import { Wordmark } from './Wordmark';
import { useApi } from '../../lib/api/api-context';
import { sessionQuery } from '../../lib/api/auth';
import { isUnreachable, ServerRequestError } from '../../lib/api/client';
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
  /**
   * While the server cannot be reached, render `children` for the account last signed in on this
   * device (the editor: a document kept here opens and is editable offline). Otherwise the page
   * keeps its header and says the server cannot be reached.
   */
  offline?: boolean;
  children: (user: UserView) => ReactNode;
}

/**
 * Renders `children` for a signed-in person. A fresh instance goes to /setup first; someone signed
 * out goes to /signin, and comes back here afterwards.
 */
export function RequireAccount({ action, watchSession = true, offline = false, children }: Props) {
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
  const signedIn = session?.user;
  useEffect(() => {
    if (signedIn) rememberDeviceAccount(signedIn);
  }, [signedIn]);
  // A query that never had data forgets its error while it tries again: what was unreachable
  // stays so until an answer comes, or the page would flicker to "Loading…" (and the editor unmount).
  const [unreachable, setUnreachable] = useState(false);
  if (isUnreachable(error) && !unreachable) setUnreachable(true);
  if (session && unreachable) setUnreachable(false);
  const shownError = error ?? (unreachable ? UNREACHABLE : null);
  const retry = useCallback(() => void refetch(), [refetch]);
  useRetryWhileUnreachable(session ? null : shownError, retry);
  // Read once the page runs in the browser (localStorage), for while the server cannot be reached.
  const [known, setKnown] = useState<UserView | null>(null);
  useEffect(() => setKnown(deviceAccount()), []);

  if (!session && unreachable && offline && known) return <>{children(known)}</>;
  if (!session && shownError) {
    const error = shownError;
    return (
      <>
        {known ? <AppHeader user={known} /> : <BareHeader />}
        <main id="main" className={styles.notice}>
          {isUnreachable(error) ? (
            <>
              <ServerUnreachable onRetry={retry} action={action} retrying />
              {known ? <KeptDocuments userId={known.id} /> : null}
            </>
          ) : (
            <p role="alert">
              The server could not say who is signed in: {error.message}.{' '}
              <button type="button" className="button" onClick={() => void refetch()}>
                Try again
              </button>
            </p>
          )}
        </main>
      </>
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

/** Stands for the last unreachable error while the session is read again. */
const UNREACHABLE = new ServerRequestError('The server could not be reached', 'unreachable');

/** The path and query of this page, to come back to after signing in. */
function currentPath(pathname: string | null): string {
  if (typeof window === 'undefined') return pathname ?? '/';
  return `${window.location.pathname}${window.location.search}`;
}

/** The app's header when nobody is known on this device: the logo, so the page is still Quire's. */
function BareHeader() {
  return (
    <header className={appHeaderStyles.header}>
      <div className={appHeaderStyles.inner}>
        <Wordmark />
      </div>
    </header>
  );
}
