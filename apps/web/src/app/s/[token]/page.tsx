import type { Metadata } from 'next';
import { ShareLinkScreen } from '../../../components/share-link/ShareLinkScreen';

interface Props {
  params: Promise<{ token: string }>;
}

export const metadata: Metadata = { title: 'Shared document', referrer: 'no-referrer' };

export default async function ShareLinkPage({ params }: Props) {
  const { token } = await params;
  return <ShareLinkScreen token={token} />;
}
