'use client';

import type { ApiTokenView, CreatedApiToken } from '@quire/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormAction } from '../../hooks/use-form-action';
import { useNow } from '../../hooks/use-now';
import { apiTokensQuery, useCreateApiToken, useRevokeApiToken } from '../../lib/api/account';
import { useApi } from '../../lib/api/api-context';
import { formatRelativeTime } from '../../lib/relative-time';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { FormError } from '../common/FormError';
import forms from '../common/forms.module.css';
import styles from '../common/settings.module.css';
import { TextField } from '../common/TextField';
import { NewTokenSecret } from './NewTokenSecret';

/** Personal API tokens for scripts: create (the secret shown once), list, revoke. */
export function ApiTokens() {
  const api = useApi();
  const tokens = useQuery(apiTokensQuery(api));
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const now = useNow();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenView | null>(null);
  const { pending, error, form } = useFormAction(async () => {
    if (!name.trim()) return 'Name the token after what will use it, like “backup script”.';
    setCreated(await create.mutateAsync(name.trim()));
    setName('');
  });

  return (
    <>
      <p className={styles.text}>
        Scripts and the stock <code>y-websocket</code> client use a token instead of your password: send it as{' '}
        <code>Authorization: Bearer …</code>, or as the <code>token</code> parameter of the collaboration socket. A token
        can do what you can, except manage your account.
      </p>
      {created ? <NewTokenSecret token={created} onDismiss={() => setCreated(null)} /> : null}
      <form {...form}>
        <FormError message={error} />
        <div className={forms.inline}>
          <TextField label="Token name" value={name} onChange={setName} maxLength={80} autoComplete="off" />
          <button type="submit" className="button button--primary" aria-disabled={pending}>
            {pending ? 'Creating…' : 'Create token'}
          </button>
        </div>
      </form>
      {tokens.data && tokens.data.length > 0 ? (
        <ul className={styles.list} aria-label="Your API tokens">
          {tokens.data.map((token) => (
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
      ) : tokens.data ? (
        <p className={styles.empty}>No tokens yet.</p>
      ) : tokens.error ? (
        <p className={forms.error}>Could not list your tokens: {tokens.error.message}</p>
      ) : (
        <p role="status">Loading tokens…</p>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this token?"
        description={<>Scripts using “{revoking?.name}” stop working at once, and its open connections close.</>}
        confirmLabel="Revoke token"
        onConfirm={async () => {
          const token = revoking as ApiTokenView;
          await revoke.mutateAsync(token.id);
          if (created?.id === token.id) setCreated(null);
          setRevoking(null);
        }}
        onCancel={() => setRevoking(null)}
      />
    </>
  );
}
