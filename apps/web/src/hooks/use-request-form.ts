'use client';

import { useState, type FormEvent } from 'react';
import { errorStatus, isUnreachable } from '../lib/api/request';

/** Words for the statuses a form's request may answer with; the server's message otherwise. */
export type StatusMessages = Partial<Record<number, string>>;

/**
 * A form that sends one request: `pending` while it runs, and `error` worded for the person
 * (unreachable server, a known status, or the server's own message). `send` may also refuse input
 * itself with `setError`.
 */
export function useRequestForm(send: () => Promise<void>, messages: StatusMessages, serverUrl: string | null) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await send();
    } catch (caught) {
      setError(describe(caught, messages, serverUrl));
    } finally {
      setPending(false);
    }
  }

  return { pending, error, setError, onSubmit };
}

function describe(error: unknown, messages: StatusMessages, serverUrl: string | null): string {
  if (isUnreachable(error)) return `Cannot reach the collaboration server at ${serverUrl ?? 'its address'}. Is it running?`;
  const status = errorStatus(error);
  return (status !== undefined ? messages[status] : undefined) ?? (error as Error).message;
}
