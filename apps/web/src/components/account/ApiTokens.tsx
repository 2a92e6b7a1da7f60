'use client';

import { useCallback, useState } from 'react';
import { useApiResource } from '../../hooks/use-api-resource';
import { useNow } from '../../hooks/use-now';
import { useRequestForm } from '../../hooks/use-request-form';
import { createApiToken, listApiTokens, revokeApiToken } from '../../lib/api/account';
import type { ApiToken, CreatedApiToken } from '../../lib/api/types';
import { formatRelativeTime } from '../../lib/relative-time';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { FormError } from '../common/FormError';
import forms from '../common/forms.module.css';
import styles from '../common/settings.module.css';
import { TextField } from '../common/TextField';
import { NewTokenSecret } from './NewTokenSecret';

/** Personal API tokens for scripts: create (the secret shown once), list, revoke. */
export function ApiTokens({ serverUrl }: { serverUrl: string }) {
  const load = useCallback((signal: AbortSignal) => listApiTokens(serverUrl, signal), [serverUrl]);
  const tokens = useApiResource(load);
  const now = useNow();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const { pending, error, setError, onSubmit } = useRequestForm(
    async () => {
      if (!name.trim()) {
        setError('Name the token after what will use it, like “backup script”.');
        return;
      }
      const token = await createApiToken(serverUrl, name.trim());
      setCreated(token);
      setName('');
      tokens.update((list) => [token, ...list]);
    },
    {},
    serverUrl,
  );

  return (
    <>
      <p className={styles.text}>
        Scripts and the stock <code>y-websocket</code> client use a token instead of your password: send it as{' '}
        <code>Authorization: Bearer …</code>, or as the <code>token</code> parameter of the collaboration socket. A token
        can do what you can, except manage your account.
      </p>
      {created ? <NewTokenSecret token={created} onDismiss={() => setCreated(null)} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <FormError message={error} />
        <div className={forms.inline}>
          <TextField label="Token name" value={name} onChange={setName} maxLength={80} autoComplete="off" />
          <button type="submit" className="button button--primary" aria-disabled={pending}>
            {pending ? 'Creating…' : 'Create token'}
          </button>
        </div>
      </form>
      {tokens.state.kind === 'loaded' && tokens.state.value.length > 0 ? (
        <ul className={styles.list} aria-label="Your API tokens">
          {tokens.state.value.map((token) => (
            <li key={token.id} className={styles.item}>
              <span className={styles.itemMain}>
                <span className={styles.itemTitle}>{token.name}</span>
                <span className={styles.itemMeta}>
                  Created {formatRelativeTime(new Date(token.createdAt), now)} ·{' '}
                  {token.lastUsedAt ? `last used ${formatRelativeTime(new Date(token.lastUsedAt), now)}` : 'never used'}
                </span>
              </span>
              <button type="button" className="button button--quiet" onClick={() => setRevoking(token)}>
                Revoke<span className="visually-hidden"> {token.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : tokens.state.kind === 'loaded' ? (
        <p className={styles.empty}>No tokens yet.</p>
      ) : tokens.state.kind === 'error' ? (
        <p className={forms.error}>Could not list your tokens: {tokens.state.error.message}</p>
      ) : (
        <p role="status">Loading tokens…</p>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this token?"
        description={<>Scripts using “{revoking?.name}” stop working at once, and its open connections close.</>}
        confirmLabel="Revoke token"
        onConfirm={async () => {
          const token = revoking as ApiToken;
          await revokeApiToken(serverUrl, token.id);
          tokens.update((list) => list.filter((t) => t.id !== token.id));
          if (created?.id === token.id) setCreated(null);
          setRevoking(null);
        }}
        onCancel={() => setRevoking(null)}
      />
    </>
  );
}
