import { bodyParts } from './comment-text';
import styles from './comments.module.css';

/** A comment's body as text (whatever it holds, HTML included, is shown as typed), mentions marked. */
export function CommentBody({ body }: { body: string }) {
  return (
    <p className={styles.body}>
      {bodyParts(body).map((part, index) =>
        part.kind === 'text' ? (
          part.text
        ) : (
          <span key={index} className={styles.mention} data-user-id={part.userId}>
            @{part.name}
          </span>
        ),
      )}
    </p>
  );
}
