'use client';

import type { SecurityEventView } from '@quire/api-contract';
import { isGuestId } from '@quire/constants';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { securityEventsQuery } from '../../lib/api/admin';
import { useApi } from '../../lib/api/api-context';
import { formatDateTime } from '../../lib/relative-time';
import { securityEventWords } from '../../lib/security-event-words';
import forms from '../common/forms.module.css';
import styles from './security-events.module.css';

/** Events shown before "Show all": the server sends a few hundred. */
const FIRST_SHOWN = 50;

/**
 * The recent security events, newest first: what happened, who did it, from which address, when.
 * Read when the page opens, when the tab comes back into view and after a password reset;
 * "Refresh" reads them again.
 */
export function SecurityEventList({ labelledBy }: { labelledBy: string }) {
  const api = useApi();
  const { data: events, error, refetch } = useQuery(securityEventsQuery(api));
  const [showAll, setShowAll] = useState(false);

  return (
    <>
      <div className={styles.toolbar}>
        <p className={styles.lead}>Sign-ins, password and token changes, sharing and deletions, newest first.</p>
        <button type="button" className="button button--quiet" onClick={() => void refetch()}>
          Refresh<span className="visually-hidden"> the security events</span>
        </button>
      </div>
      {!events ? (
        error ? (
          <p className={forms.error}>Could not read the security events: {error.message}</p>
        ) : (
          <p role="status">Loading security events…</p>
        )
      ) : events.length === 0 ? (
        <p className={styles.empty}>Nothing yet.</p>
      ) : (
        <>
          <ol className={styles.list} aria-labelledby={labelledBy}>
            {(showAll ? events : events.slice(0, FIRST_SHOWN)).map((event) => (
              <EventItem key={event.id} event={event} />
            ))}
          </ol>
          {!showAll && events.length > FIRST_SHOWN ? (
            <button type="button" className={`button ${styles.more}`} onClick={() => setShowAll(true)}>
              Show all {events.length} events
            </button>
          ) : null}
        </>
      )}
    </>
  );
}

function EventItem({ event }: { event: SecurityEventView }) {
  const at = new Date(event.at);
  const facts = [
    actorWords(event.actor),
    event.address ? `from ${event.address}` : null,
    event.documentId ? `document ${event.documentId}` : null,
  ].filter((fact): fact is string => fact !== null);
  return (
    <li className={styles.item}>
      <span className={styles.main}>
        <span className={styles.what}>{securityEventWords(event.type)}</span>
        <span className={styles.meta}>{facts.join(' · ')}</span>
        {event.details ? <span className={styles.meta}>{event.details}</span> : null}
      </span>
      <time className={styles.when} dateTime={event.at}>
        {formatDateTime(at)}
      </time>
    </li>
  );
}

/** "by Ada", "by a guest", or "not signed in" (a failed sign-in has no actor). */
function actorWords(actor: SecurityEventView['actor']): string {
  if (!actor) return 'not signed in';
  return isGuestId(actor.id) ? 'by a guest' : `by ${actor.name}`;
}
