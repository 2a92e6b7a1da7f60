'use client';

import { RequireAccount } from '../common/RequireAccount';
import { DocumentsHome } from './DocumentsHome';

/** The home page: a fresh instance goes to setup, a visitor to sign-in, a member to their documents. */
export function HomeScreen() {
  return <RequireAccount action="load your documents">{(user) => <DocumentsHome user={user} />}</RequireAccount>;
}
