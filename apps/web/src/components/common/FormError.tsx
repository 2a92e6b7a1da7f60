import styles from './forms.module.css';

/** The server's refusal of a whole form, announced as it appears. */
export function FormError({ message }: { message: string | null }) {
  // The live region exists before the message, so screen readers announce the message.
  return <div role="alert">{message ? <p className={styles.formError}>{message}</p> : null}</div>;
}
