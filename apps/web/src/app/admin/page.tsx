import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AdminScreen } from '../../components/admin/AdminScreen';
import { configuredServerUrl } from '../../lib/configured-server-url';

export const metadata: Metadata = { title: 'Administration' };

export default async function AdminPage() {
  await connection();
  return <AdminScreen configuredServerUrl={configuredServerUrl()} />;
}
