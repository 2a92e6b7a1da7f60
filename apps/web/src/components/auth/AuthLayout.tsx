import type { ReactNode } from 'react';
import { Wordmark } from '../common/Wordmark';
import styles from './auth.module.css';

interface Props {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  /** Under the card: "No account yet? Sign up". */
  footer?: ReactNode;
}

/** A small centred card for setup, sign-in and sign-up. */
export function AuthLayout({ title, intro, children, footer }: Props) {
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Wordmark />
      </header>
      <main id="main" className={styles.main}>
        <section className={styles.card} aria-labelledby="auth-title">
          <h1 id="auth-title" className={styles.title}>
            {title}
          </h1>
          {intro ? <div className={styles.intro}>{intro}</div> : null}
          {children}
        </section>
        {footer ? <p className={styles.footer}>{footer}</p> : null}
      </main>
    </div>
  );
}
