'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { useApiResource } from '../../hooks/use-api-resource';
import { useServerUrl } from '../../hooks/use-server-url';
import { useSessionInfo } from '../../hooks/use-session-info';
import { getLinkInfo, joinLink } from '../../lib/api/links';
import { errorStatus, isUnreachable } from '../../lib/api/request';
import { AuthLayout } from '../auth/AuthLayout';
import { PageLoading } from '../common/PageStatus';
import { ServerUnreachable } from '../common/ServerUnreachable';
import { GuestEditor } from './GuestEditor';
import { SignInToEdit } from './SignInToEdit';

interface Props {
  token: string;
  configuredServerUrl: string | null;
}

/**
 * /s/<token>: a signed-in person joins the document and goes to it; a visitor without an account
 * reads along through a viewer link as a named guest, or is asked to sign in for an editor link.
 */
export function ShareLinkScreen({ token, configuredServerUrl }: Props) {
  const serverUrl = useServerUrl(configuredServerUrl);
  const session = useSessionInfo(serverUrl);
  const loadLink = useCallback((signal: AbortSignal) => getLinkInfo(serverUrl as string, token, signal), [serverUrl, token]);
  const link = useApiResource(serverUrl ? loadLink : null);
  const router = useRouter();
  const [joinError, setJoinError] = useState<Error | null>(null);
  const signedIn = session.state.kind === 'loaded' && session.state.value.user !== null;
  const linkInfo = link.state.kind === 'loaded' ? link.state.value : null;

  useEffect(() => {
    if (!signedIn || !linkInfo || !serverUrl) return;
    let cancelled = false;
    joinLink(serverUrl, token).then(
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
  }, [signedIn, linkInfo, serverUrl, token, router]);

  const failure = link.state.kind === 'error' ? link.state.error : session.state.kind === 'error' ? session.state.error : joinError;
  if (failure && serverUrl) {
    if (isUnreachable(failure)) {
      return (
        <AuthLayout title="Cannot open this link">
          <ServerUnreachable serverUrl={serverUrl} action="open this link" />
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

  if (!serverUrl || !linkInfo || session.state.kind !== 'loaded' || signedIn) {
    return <PageLoading label={signedIn ? 'Opening the document…' : 'Opening the link…'} />;
  }
  if (linkInfo.role === 'viewer') return <GuestEditor token={token} link={linkInfo} refreshLink={link.refresh} serverUrl={serverUrl} />;
  return <SignInToEdit token={token} link={linkInfo} allowSignup={session.state.value.allowSignup} />;
}
