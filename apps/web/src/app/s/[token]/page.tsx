import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ShareLinkScreen } from '../../../components/share-link/ShareLinkScreen';
import { configuredServerUrl } from '../../../lib/configured-server-url';

interface Props {
  params: Promise<{ token: string }>;
}

export const metadata: Metadata = { title: 'Shared document', referrer: 'no-referrer' };

export default async function ShareLinkPage({ params }: Props) {
  await connection();
  const { token } = await params;
  return <ShareLinkScreen token={token} configuredServerUrl={configuredServerUrl()} />;
}
