'use client';

import type { ActivityEntry } from '@quire/api-contract';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useNow } from '../../hooks/use-now';
import { useApi } from '../../lib/api/api-context';
import { activityQuery, useMarkActivityRead } from '../../lib/api/comments';
import { formatRelativeTime } from '../../lib/relative-time';
import { CommentBody } from '../editor/comments/CommentBody';
import styles from './activity.module.css';

const what = (entry: ActivityEntry) => (entry.kind === 'mention' ? 'mentioned you in' : 'replied in');
const titleOf = (entry: ActivityEntry) => entry.document.title.trim() || 'Untitled';

/**
 * Mentions of the signed-in person and replies in threads they wrote in, newest first: each opens
 * its document at the thread (`/d/<id>#thread-<threadId>`) and is marked read. Read again when the
 * tab comes back into view, like the document lists.
 */
export function ActivityList() {
  const api = useApi();
  const { data, error } = useQuery(activityQuery(api));
  const { mutate: markRead, isPending: marking } = useMarkActivityRead();
  const now = useNow();
  if (!data && !error) return null;
  const unread = data?.activity.filter((entry) => !entry.read) ?? [];

  return (
    <section className={styles.section} aria-labelledby="activity-title" data-activity="">
      <div className={styles.head}>
        <h2 id="activity-title" className={styles.title}>
          Activity
          {data && data.unread > 0 ? (
            <span className={styles.unread} data-unread-count={data.unread}>
              {data.unread} unread
            </span>
          ) : null}
        </h2>
        {unread.length > 0 ? (
          <button type="button" className="button button--quiet" disabled={marking} onClick={() => markRead(unread.map((entry) => entry.id))}>
            Mark all read
          </button>
        ) : null}
      </div>
      {error && !data ? (
        <p className={styles.error} role="alert">
          Your activity could not be read: {error.message}.
        </p>
      ) : null}
      {data && data.activity.length === 0 ? <p className={styles.empty}>Mentions of you and replies to your comments appear here.</p> : null}
      {data && data.activity.length > 0 ? (
        <ul className={styles.list} aria-label="Mentions and replies">
          {data.activity.map((entry) => (
            <li key={entry.id} className={`${styles.entry} ${entry.read ? '' : styles.entryUnread}`} data-activity-id={entry.id}>
              <Link
                href={`/d/${encodeURIComponent(entry.document.id)}#thread-${encodeURIComponent(entry.threadId)}`}
                className={styles.link}
                onClick={() => {
                  if (!entry.read) markRead([entry.id]);
                }}
              >
                <span className={styles.summary}>
                  {entry.read ? null : <span className="visually-hidden">Unread: </span>}
                  <strong>{entry.comment.author.name}</strong> {what(entry)} <strong>{titleOf(entry)}</strong>
                  <time className={styles.time} dateTime={entry.createdAt}>
                    {formatRelativeTime(new Date(entry.createdAt), now)}
                  </time>
                </span>
                <span className={styles.preview}>
                  <CommentBody body={entry.comment.body} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
