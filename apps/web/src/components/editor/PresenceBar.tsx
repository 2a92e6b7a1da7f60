'use client';

import { initials, presenceLabel } from '@quire/editor';
import type { Awareness } from 'y-protocols/awareness';
import { useParticipants } from '../../hooks/use-participants';
import styles from './presence.module.css';

const MAX_SHOWN = 5;

interface Props {
  /** The session's awareness: the bar re-renders as people come, go or rename, not as cursors move. */
  awareness: Awareness;
  /** Opens the name picker from this person's own chip (guests); accounts change it on /account. */
  onEditName?: () => void;
  selfName: string;
}

/** Who is here: others as avatars in their colors, then this person, marked "you" (guests can rename). */
export function PresenceBar({ awareness, onEditName, selfName }: Props) {
  const participants = useParticipants(awareness);
  const self = participants.find((p) => p.isSelf);
  const others = participants.filter((p) => !p.isSelf);
  const shown = others.slice(0, MAX_SHOWN);
  const hidden = others.slice(MAX_SHOWN);
  const summary =
    others.length === 0 ? 'Only you are here' : `${others.length} ${others.length === 1 ? 'other person' : 'other people'} here`;

  return (
    <div className={styles.presence}>
      <ul className={styles.avatars} aria-label={`People in this document: ${summary}`}>
        {shown.map((person) => (
          <li key={person.id} className={styles.item}>
            {/* A guest's avatar is ringed in dashes and named "(guest)": anyone can type a member's name. */}
            <span
              className={person.isGuest ? `${styles.avatar} ${styles.guest}` : styles.avatar}
              style={{ backgroundColor: person.color }}
              role="img"
              aria-label={presenceLabel(person)}
              title={presenceLabel(person)}
              data-participant={person.name}
              data-guest={person.isGuest ? 'true' : undefined}
            >
              {initials(person.name)}
            </span>
          </li>
        ))}
        {hidden.length > 0 ? (
          <li className={styles.item}>
            <span
              className={`${styles.avatar} ${styles.more}`}
              role="img"
              aria-label={`${hidden.length} more: ${hidden.map(presenceLabel).join(', ')}`}
              title={hidden.map(presenceLabel).join(', ')}
            >
              +{hidden.length}
            </span>
          </li>
        ) : null}
      </ul>
      {onEditName ? (
        // The name is the visible text (plus hidden words), so what people see is what they can say.
        <button type="button" className={styles.self} onClick={onEditName} title="Change your name">
          <SelfChip color={self?.color} name={selfName} />
          <span className="visually-hidden">), change your name</span>
        </button>
      ) : (
        <span className={styles.self}>
          <SelfChip color={self?.color} name={selfName} />
          <span className="visually-hidden">)</span>
        </span>
      )}
    </div>
  );
}

/** This person's avatar, name and "you" tag. */
function SelfChip({ color, name }: { color: string | undefined; name: string }) {
  return (
    <>
      <span className={styles.avatar} style={{ backgroundColor: color ?? 'var(--color-neutral-strong)' }} aria-hidden="true">
        {initials(name)}
      </span>
      <span className={styles.selfName}>{name}</span>
      <span className="visually-hidden"> (</span>
      <span className={styles.youTag}>you</span>
    </>
  );
}
