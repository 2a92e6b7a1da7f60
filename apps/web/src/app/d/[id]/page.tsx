import { isValidDocumentId } from '@quire/constants';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DocumentScreen } from '../../../components/editor/DocumentScreen';

interface Props {
  params: Promise<{ id: string }>;
}

export const metadata: Metadata = { title: 'Document' };

export default async function DocumentPage({ params }: Props) {
  const { id } = await params;
  if (!isValidDocumentId(id)) notFound();
  return <DocumentScreen documentId={id} />;
}
