'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import { useApi } from '../lib/api/api-context';
import { errorStatus, isUnreachable } from '../lib/api/client';

/** Words for the statuses a form's request may answer with; the server's message otherwise. */
export type StatusMessages = Partial<Record<number, string>>;

/**
 * A form's action (React 19): `send` runs when the form is submitted, and `error` is what went
 * wrong, worded for the person (an unreachable server, a known status, the server's own message),
 * or the message `send` returned to refuse the input itself. Spread `form` on the <form>.
 */
export function useFormAction(send: () => Promise<string | void>, messages: StatusMessages = {}) {
  const api = useApi();
  const [error, action, pending] = useActionState(async (): Promise<string | null> => {
    try {
      return (await send()) ?? null;
    } catch (caught) {
      if (isUnreachable(caught)) return `Cannot reach the collaboration server at ${api.serverUrl}. Is it running?`;
      const status = errorStatus(caught);
      return (status !== undefined ? messages[status] : undefined) ?? (caught as Error).message;
    }
  }, null);
  // Dispatched from onSubmit rather than given as the form's `action`: React resets a form after
  // its action, refused or not, which puts controlled selects and checkboxes back to their
  // defaults on screen while the state keeps what the person chose.
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // A second submission while the first runs would be queued after it (and, say, make two tokens).
    if (!pending) startTransition(action);
  };
  return { error, pending, form: { onSubmit, noValidate: true } };
}
