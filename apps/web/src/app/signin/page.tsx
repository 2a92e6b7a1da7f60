import type { Metadata } from 'next';
import { connection } from 'next/server';
import { SignInScreen } from '../../components/auth/SignInScreen';
import { configuredServerUrl } from '../../lib/configured-server-url';

export const metadata: Metadata = { title: 'Sign in' };

interface Props {
  searchParams: Promise<{ next?: string | string[] }>;
}

export default async function SignInPage({ searchParams }: Props) {
  await connection();
  const { next } = await searchParams;
  return <SignInScreen configuredServerUrl={configuredServerUrl()} next={typeof next === 'string' ? next : null} />;
}
