'use client';

import type { SessionInfo, UserView } from '@quire/api-contract';
import { useQueryClient } from '@tanstack/react-query';
import { sessionKey } from '../../lib/api/auth';

/**
 * Puts the account just signed in (setup, sign-up, sign-in) into the session the page reads: the
 * page then leaves for where it was going, as it does for someone who arrives signed in.
 */
export function useSignedIn(): (user: UserView) => void {
  const queryClient = useQueryClient();
  return (user) => queryClient.setQueryData<SessionInfo>(sessionKey, (session) => ({ allowSignup: session?.allowSignup ?? false, user, setupNeeded: false }));
}
