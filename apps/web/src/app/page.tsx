import type { Metadata } from 'next';
import { connection } from 'next/server';
import { HomeScreen } from '../components/home/HomeScreen';
import { configuredServerUrl } from '../lib/configured-server-url';

export const metadata: Metadata = { title: 'Documents' };

export default async function HomePage() {
  // The server URL is read per request, so one build runs against any server.
  await connection();
  return <HomeScreen configuredServerUrl={configuredServerUrl()} />;
}
