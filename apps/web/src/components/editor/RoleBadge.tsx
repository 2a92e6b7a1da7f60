import type { Role } from '@quire/api-contract';
import styles from './editor.module.css';

/** Says, for viewers and commenters, that the document cannot be changed from this page. */
export function RoleBadge({ role }: { role: Role | null }) {
  if (role === 'commenter') {
    return (
      <span className={styles.badge} title="You may select text and comment, but not edit.">
        Comment only
      </span>
    );
  }
  if (role !== 'viewer') return null;
  return (
    <span className={styles.badge} title="You see every change as it happens, but cannot edit.">
      View only
    </span>
  );
}
