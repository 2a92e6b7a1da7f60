'use client';

import { useEffect, useState } from 'react';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The Clipboard API needs a secure context and permission; the older path works on plain http.
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    document.body.append(field);
    field.select();
    const copied = document.execCommand('copy');
    field.remove();
    return copied;
  }
}

/** Copies this page's address to share it, confirming visibly (and to screen readers). */
export function CopyLinkButton() {
  const [result, setResult] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (result === 'idle') return;
    const timer = setTimeout(() => setResult('idle'), 2500);
    return () => clearTimeout(timer);
  }, [result]);

  return (
    <>
      <button
        type="button"
        className="button"
        onClick={async () => setResult((await copy(window.location.href)) ? 'copied' : 'failed')}
        data-state={result}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          {result === 'copied' ? (
            <path d="m3.5 8.5 3 3 6-7" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
          ) : (
            <path
              d="M6.5 9.5a2.5 2.5 0 0 0 3.5 0l2-2A2.5 2.5 0 0 0 8.5 4l-.7.7M9.5 6.5a2.5 2.5 0 0 0-3.5 0l-2 2A2.5 2.5 0 0 0 7.5 12l.7-.7"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinecap="round"
            />
          )}
        </svg>
        {result === 'copied' ? 'Copied' : 'Copy link'}
      </button>
      <span role="status" className="visually-hidden">
        {result === 'copied' ? 'Link copied to the clipboard' : result === 'failed' ? 'Could not copy; copy the address bar instead' : ''}
      </span>
    </>
  );
}
