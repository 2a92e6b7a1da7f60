import type { Metadata } from 'next';
import { SignInScreen } from '../../components/auth/SignInScreen';

export const metadata: Metadata = { title: 'Sign in' };

interface Props {
  searchParams: Promise<{ next?: string | string[] }>;
}

export default async function SignInPage({ searchParams }: Props) {
  const { next } = await searchParams;
  return <SignInScreen next={typeof next === 'string' ? next : null} />;
}
