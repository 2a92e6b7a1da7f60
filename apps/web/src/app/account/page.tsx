import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AccountScreen } from '../../components/account/AccountScreen';
import { configuredServerUrl } from '../../lib/configured-server-url';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  await connection();
  return <AccountScreen configuredServerUrl={configuredServerUrl()} />;
}
