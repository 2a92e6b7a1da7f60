'use client';

import { useApi } from '../../lib/api/api-context';
import styles from './server-unreachable.module.css';

interface Props {
  /** Offered as a "Try again" button when given. */
  onRetry?: () => void;
  /** What could not be done, e.g. "load your documents". */
  action: string;
  /** Said when the page keeps trying by itself. */
  retrying?: boolean;
}

/** The collaboration server did not answer: say where we looked and how to start it. */
export function ServerUnreachable({ onRetry, action, retrying = false }: Props) {
  const { serverUrl } = useApi();
  return (
    <div className={styles.box} role="alert">
      <h2 className={styles.title}>Cannot {action}</h2>
      <p>
        Cannot reach the collaboration server at <code>{serverUrl}</code> — is it running? <code>npm start</code>{' '}
        starts both the web app and the server.
      </p>
      <p className={styles.hint}>
        If the server runs elsewhere, start the web app with <code>QUIRE_SERVER_URL</code> set to its address.
      </p>
      {retrying ? <p className={styles.hint}>Quire keeps trying, and connects as soon as the server answers.</p> : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
