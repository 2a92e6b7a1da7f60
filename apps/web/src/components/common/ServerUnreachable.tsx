'use client';

import { useEffect } from 'react';
import { useApi } from '../../lib/api/api-context';
import styles from './server-unreachable.module.css';

interface Props {
  /** Offered as a "Try again" button when given. */
  onRetry?: () => void;
  /** What could not be done, e.g. "load your documents". */
  action: string;
  /** Said when the page keeps trying by itself. */
  retrying?: boolean;
  /** What is safe meanwhile, in plain words; by default that nothing saved is lost. */
  safe?: string;
}

/**
 * The server did not answer, said as a person needs it: what cannot be done, what is safe, and
 * that the page keeps trying. How to run or configure the server (commands, environment
 * variables) is for operators: it goes to the browser console, never on the page.
 */
export function ServerUnreachable({ onRetry, action, retrying = false, safe }: Props) {
  const { serverUrl } = useApi();
  useEffect(() => {
    console.warn(
      `Quire cannot reach its server at ${serverUrl}. Is it running? \`npm start\` starts both the web app and the server; ` +
        'if the server runs elsewhere, start the web app with QUIRE_SERVER_URL set to its address.',
    );
  }, [serverUrl]);
  return (
    <div className={styles.box} role="alert">
      <h2 className={styles.title}>Can’t reach the server</h2>
      <p>
        Quire can’t reach its server right now, so it can’t {action}. {safe ?? 'Nothing you saved is lost.'}
      </p>
      {retrying ? <p className={styles.hint}>Quire keeps trying by itself and carries on as soon as the server answers.</p> : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again now
        </button>
      ) : null}
    </div>
  );
}
