'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useApi } from '../../lib/api/api-context';
import { sessionQuery } from '../../lib/api/auth';
import { errorStatus, isUnreachable } from '../../lib/api/client';
import { joinLink, linkQuery } from '../../lib/api/links';
import { AuthLayout } from '../auth/AuthLayout';
import { PageLoading } from '../common/PageStatus';
import { ServerUnreachable } from '../common/ServerUnreachable';
import { GuestEditor } from './GuestEditor';
import { SignInToEdit } from './SignInToEdit';

/**
 * /s/<token>: a signed-in person joins the document and goes to it; a visitor without an account
 * reads along through a viewer link as a named guest, or is asked to sign in for an editor link.
 */
export function ShareLinkScreen({ token }: { token: string }) {
  const api = useApi();
  const session = useQuery(sessionQuery(api));
  const link = useQuery(linkQuery(api, token));
  const router = useRouter();
  const [joinError, setJoinError] = useState<Error | null>(null);
  const signedIn = Boolean(session.data?.user);
  const linkInfo = link.data;
  const linkFound = linkInfo !== undefined;

  useEffect(() => {
    if (!signedIn || !linkFound) return;
    let cancelled = false;
    joinLink(api, token).then(
      ({ documentId }) => {
        if (!cancelled) router.replace(`/d/${encodeURIComponent(documentId)}`);
      },
      (error: Error) => {
        if (!cancelled) setJoinError(error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [signedIn, linkFound, api, token, router]);

  // A failed background read (the title, on return to the tab) keeps the page as it is.
  const failure = (!linkInfo && link.error) || (!session.data && session.error) || joinError;
  if (failure) {
    if (isUnreachable(failure)) {
      return (
        <AuthLayout title="Cannot open this link">
          <ServerUnreachable action="open this link" />
        </AuthLayout>
      );
    }
    return (
      <AuthLayout title={errorStatus(failure) === 404 ? 'This link does not work' : 'Cannot open this link'}>
        <p role="alert">
          {errorStatus(failure) === 404
            ? 'It was turned off by the document’s owner, or it is incomplete. Ask for a new link.'
            : failure.message}
        </p>
      </AuthLayout>
    );
  }

  if (!linkInfo || !session.data || signedIn) {
    return <PageLoading label={signedIn ? 'Opening the document…' : 'Opening the link…'} />;
  }
  if (linkInfo.role === 'viewer') return <GuestEditor token={token} link={linkInfo} />;
  return <SignInToEdit token={token} link={linkInfo} allowSignup={session.data.allowSignup} />;
}
