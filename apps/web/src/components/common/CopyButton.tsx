'use client';

import { useEffect, useState } from 'react';
import { copyText } from '../../lib/clipboard';

interface Props {
  /** What to copy, read when pressed (a function for values known only then, like the page address). */
  text: string | (() => string);
  /** The button's text, e.g. "Copy link". */
  label: string;
  /** Said to screen readers once copied, e.g. "Link copied to the clipboard". */
  copiedMessage: string;
  className?: string;
  /** A more specific accessible name when several copy buttons share a page. */
  ariaLabel?: string;
}

/** Copies text to the clipboard, confirming visibly and to screen readers. */
export function CopyButton({ text, label, copiedMessage, className, ariaLabel }: Props) {
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
        className={`button ${className ?? ''}`}
        // While it says "Copied", its name is what it shows: a name that does not contain the
        // visible words fails WCAG's label-in-name (axe: label-content-name-mismatch).
        aria-label={result === 'copied' ? undefined : ariaLabel}
        onClick={async () => setResult((await copyText(typeof text === 'function' ? text() : text)) ? 'copied' : 'failed')}
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
        {result === 'copied' ? 'Copied' : label}
      </button>
      <span role="status" className="visually-hidden">
        {result === 'copied' ? copiedMessage : result === 'failed' ? 'Could not copy; select the text and copy it instead' : ''}
      </span>
    </>
  );
}
