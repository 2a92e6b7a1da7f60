import type { Metadata } from 'next';
import { SignUpScreen } from '../../components/auth/SignUpScreen';

export const metadata: Metadata = { title: 'Create an account' };

interface Props {
  searchParams: Promise<{ next?: string | string[] }>;
}

export default async function SignUpPage({ searchParams }: Props) {
  const { next } = await searchParams;
  return <SignUpScreen next={typeof next === 'string' ? next : null} />;
}
