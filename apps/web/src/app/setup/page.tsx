import type { Metadata } from 'next';
import { connection } from 'next/server';
import { SetupScreen } from '../../components/auth/SetupScreen';
import { configuredServerUrl } from '../../lib/configured-server-url';

export const metadata: Metadata = { title: 'Set up' };

export default async function SetupPage() {
  await connection();
  return <SetupScreen configuredServerUrl={configuredServerUrl()} />;
}
