import type { Metadata } from 'next';
import { connection } from 'next/server';
import { SignUpScreen } from '../../components/auth/SignUpScreen';
import { configuredServerUrl } from '../../lib/configured-server-url';

export const metadata: Metadata = { title: 'Create an account' };

interface Props {
  searchParams: Promise<{ next?: string | string[] }>;
}

export default async function SignUpPage({ searchParams }: Props) {
  await connection();
  const { next } = await searchParams;
  return <SignUpScreen configuredServerUrl={configuredServerUrl()} next={typeof next === 'string' ? next : null} />;
}
