'use client';

import { CopyButton } from '../common/CopyButton';

/** Copies this page's address, for people who already have access. */
export function CopyLinkButton() {
  return <CopyButton text={() => window.location.href} label="Copy link" copiedMessage="Link copied to the clipboard" />;
}
