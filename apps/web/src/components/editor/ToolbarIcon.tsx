import type { ToolbarActionId } from '@quire/editor';
import type { ReactNode } from 'react';

const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.7, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

/** The H of the heading icons; the level is drawn after it, as strokes rather than text. */
const H = 'M3 5v10M9.5 5v10M3 10h6.5';

const ICONS: Record<ToolbarActionId, ReactNode> = {
  undo: <path {...stroke} d="M7.5 7H13a4 4 0 0 1 0 8H9M7.5 7l3-3M7.5 7l3 3" />,
  redo: <path {...stroke} d="M12.5 7H7a4 4 0 0 0 0 8h4M12.5 7l-3-3M12.5 7l-3 3" />,
  heading1: <path {...stroke} d={`${H} M12.5 7.2 14.6 5.5V15`} />,
  heading2: <path {...stroke} d={`${H} M12.3 7.3a2.1 2.1 0 0 1 4 .8c0 1.6-4 3.8-4 6.9h4.2`} />,
  heading3: <path {...stroke} d={`${H} M12.4 5.5h3.9l-2.3 3.3a2.9 2.9 0 1 1-1.9 5.3`} />,
  bold: <text x="10" y="15" textAnchor="middle" fontSize="14" fontWeight="800" fill="currentColor">B</text>,
  italic: (
    <text x="10" y="15" textAnchor="middle" fontSize="14" fontStyle="italic" fontWeight="600" fontFamily="Georgia, serif" fill="currentColor">
      I
    </text>
  ),
  underline: (
    <g>
      <text x="10" y="13.5" textAnchor="middle" fontSize="13" fontWeight="600" fill="currentColor">U</text>
      <path {...stroke} d="M5.5 16.5h9" />
    </g>
  ),
  strike: (
    <g>
      <text x="10" y="15" textAnchor="middle" fontSize="14" fontWeight="600" fill="currentColor">S</text>
      <path {...stroke} d="M4.5 10.5h11" />
    </g>
  ),
  code: <path {...stroke} d="M7.5 6.5 4 10l3.5 3.5M12.5 6.5 16 10l-3.5 3.5" />,
  link: <path {...stroke} d="M8.5 11.5a3 3 0 0 0 4.2 0l2.3-2.3a3 3 0 0 0-4.2-4.2l-.9.9M11.5 8.5a3 3 0 0 0-4.2 0L5 10.8A3 3 0 0 0 9.2 15l.9-.9" />,
  bullet_list: (
    <g>
      <circle cx="4.5" cy="6" r="1.2" fill="currentColor" />
      <circle cx="4.5" cy="10" r="1.2" fill="currentColor" />
      <circle cx="4.5" cy="14" r="1.2" fill="currentColor" />
      <path {...stroke} d="M8 6h8M8 10h8M8 14h8" />
    </g>
  ),
  ordered_list: (
    <g>
      <path {...stroke} strokeWidth={1.3} d="M3.6 4.6 4.8 3.8v4.4M3.3 12.3a1.2 1.2 0 0 1 2.3.4c0 .9-2.3 1.7-2.3 3.2h2.5" />
      <path {...stroke} d="M8 6h8M8 10h8M8 14h8" />
    </g>
  ),
  blockquote: (
    <g>
      <path {...stroke} d="M4.5 5v10" />
      <path {...stroke} d="M8 7h8M8 10h8M8 13h5" />
    </g>
  ),
  code_block: (
    <g>
      <rect {...stroke} x="3" y="4" width="14" height="12" rx="2" />
      <path {...stroke} d="m7 8.5-1.8 1.5L7 11.5M13 8.5l1.8 1.5-1.8 1.5" />
    </g>
  ),
  horizontal_rule: (
    <g>
      <path {...stroke} d="M3.5 10h13" />
      <path {...stroke} strokeWidth={1.2} opacity={0.55} d="M6 6h8M6 14h8" />
    </g>
  ),
};

/** The 20×20 icon of a toolbar action; decorative, the button carries the name. */
export function ToolbarIcon({ id }: { id: ToolbarActionId }) {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      {ICONS[id]}
    </svg>
  );
}
