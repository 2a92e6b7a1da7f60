import { isValidDocumentId } from '@quire/constants';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DocumentScreen } from '../../../components/editor/DocumentScreen';
import { configuredServerUrl } from '../../../lib/configured-server-url';

interface Props {
  params: Promise<{ id: string }>;
}

export const metadata: Metadata = { title: 'Document' };

export default async function DocumentPage({ params }: Props) {
  await connection();
  const { id } = await params;
  if (!isValidDocumentId(id)) notFound();
  return <DocumentScreen documentId={id} configuredServerUrl={configuredServerUrl()} />;
}
