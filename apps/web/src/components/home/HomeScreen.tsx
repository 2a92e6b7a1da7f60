'use client';

import { RequireAccount } from '../common/RequireAccount';
import { DocumentsHome } from './DocumentsHome';

/** The home page: a fresh instance goes to setup, a visitor to sign-in, a member to their documents. */
export function HomeScreen({ configuredServerUrl }: { configuredServerUrl: string | null }) {
  return (
    <RequireAccount configuredServerUrl={configuredServerUrl} action="load your documents">
      {({ user, serverUrl }) => <DocumentsHome user={user} serverUrl={serverUrl} />}
    </RequireAccount>
  );
}
