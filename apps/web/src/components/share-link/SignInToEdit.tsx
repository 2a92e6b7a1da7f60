import type { LinkInfo } from '@quire/api-contract';
import Link from 'next/link';
import { withNext } from '../../lib/next-path';
import { AuthLayout } from '../auth/AuthLayout';
import styles from './share-link.module.css';

interface Props {
  token: string;
  link: LinkInfo;
  allowSignup: boolean;
}

/** An editor link opened without an account: sign in (or sign up), then come back to join. */
export function SignInToEdit({ token, link, allowSignup }: Props) {
  const back = `/s/${encodeURIComponent(token)}`;
  const title = link.title.trim() || 'Untitled document';
  return (
    <AuthLayout
      title="You are invited to edit"
      intro={
        <p>
          Sign in to edit “<span className={styles.docName}>{title}</span>”. You will be added to it and come straight back here.
        </p>
      }
    >
      <div className={styles.choices}>
        <Link href={withNext('/signin', back)} className="button button--primary">
          Sign in
        </Link>
        {allowSignup ? (
          <Link href={withNext('/signup', back)} className="button">
            Create an account
          </Link>
        ) : null}
      </div>
      {allowSignup ? null : <p className={styles.note}>No account? Ask the administrator of this Quire for one.</p>}
    </AuthLayout>
  );
}
