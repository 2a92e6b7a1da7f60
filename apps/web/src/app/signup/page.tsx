import type { Metadata } from 'next';
import { SignUpScreen } from '../../components/auth/SignUpScreen';

export const metadata: Metadata = { title: 'Create an account' };

interface Props {
  searchParams: Promise<{ next?: string | string[]; invite?: string | string[] }>;
}

export default async function SignUpPage({ searchParams }: Props) {
  const { next, invite } = await searchParams;
  return <SignUpScreen next={typeof next === 'string' ? next : null} invite={typeof invite === 'string' ? invite : null} />;
}
