import type { DecorationAttrs } from 'prosemirror-view';
import { presenceLabel, readAwarenessUser } from './connection/presence';

/**
 * The caret and name label of another person, in their color. Built with text nodes only: names
 * come from other browsers. The label is hidden from assistive technology, which would otherwise
 * read it as part of the text; the presence bar names everyone. Guests are labelled as such
 * ("Ada (guest)"), so a name alone cannot pass for a member's.
 */
export function buildRemoteCursor(rawUser: unknown, clientId: number): HTMLElement {
  const user = readAwarenessUser({ user: rawUser }, clientId);
  const color = user?.color ?? '#475569';
  const caret = document.createElement('span');
  caret.className = 'quire-remote-cursor';
  caret.style.setProperty('--cursor-color', color);
  caret.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'quire-remote-cursor__label';
  label.textContent = user ? presenceLabel(user) : 'Anonymous';
  // Word joiners keep the caret from becoming a line-break opportunity.
  caret.append('\u2060', label, '\u2060');
  return caret;
}

/** The highlight of another person's selection: their color, translucent. */
export function buildRemoteSelection(rawUser: unknown, clientId: number): DecorationAttrs {
  const user = readAwarenessUser({ user: rawUser }, clientId);
  return { class: 'quire-remote-selection', style: `background-color: ${user?.color ?? '#475569'}33` };
}
