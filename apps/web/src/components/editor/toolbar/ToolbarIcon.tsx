import type { ReactNode } from 'react';

const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.7, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

/** The H of the heading icons; the level is drawn after it, as strokes rather than text. */
const H = 'M3 5v10M9.5 5v10M3 10h6.5';

const ICONS: Record<string, ReactNode> = {
  undo: <path {...stroke} d="M7.5 7H13a4 4 0 0 1 0 8H9M7.5 7l3-3M7.5 7l3 3" />,
  redo: <path {...stroke} d="M12.5 7H7a4 4 0 0 0 0 8h4M12.5 7l-3-3M12.5 7l-3 3" />,
  heading1: <path {...stroke} d={`${H} M12.5 7.2 14.6 5.5V15`} />,
  heading2: <path {...stroke} d={`${H} M12.3 7.3a2.1 2.1 0 0 1 4 .8c0 1.6-4 3.8-4 6.9h4.2`} />,
  heading3: <path {...stroke} d={`${H} M12.4 5.5h3.9l-2.3 3.3a2.9 2.9 0 1 1-1.9 5.3`} />,
  paragraph: <path {...stroke} d="M5 5h10M10 5v11" />,
  heading4: <path {...stroke} d={`${H} M15.5 15V5.5l-3.6 6.3h4.6`} />,
  subscript: (
    <g>
      <path {...stroke} d="M3 5l6 7M9 5l-6 7" />
      <path {...stroke} strokeWidth={1.3} d="M12.5 12.6a1.4 1.4 0 0 1 2.7.5c0 1-2.7 2-2.7 3.6h2.9" />
    </g>
  ),
  superscript: (
    <g>
      <path {...stroke} d="M3 8l6 7M9 8l-6 7" />
      <path {...stroke} strokeWidth={1.3} d="M12.5 4.1a1.4 1.4 0 0 1 2.7.5c0 1-2.7 2-2.7 3.6h2.9" />
    </g>
  ),
  highlight: (
    <g>
      <path {...stroke} d="m11.5 3.5 4 4-6.5 6.5H5v-4z" />
      <path {...stroke} d="M3 17h14" />
    </g>
  ),
  text_color: (
    <g>
      <path {...stroke} d="M6 14 10 4l4 10M7.4 10.5h5.2" />
      <path {...stroke} strokeWidth={2.4} d="M4 17h12" />
    </g>
  ),
  task_list: (
    <g>
      <rect {...stroke} x="3" y="3.5" width="5" height="5" rx="1" />
      <path {...stroke} d="m4.3 6 1 1 1.6-1.8" />
      <rect {...stroke} x="3" y="11.5" width="5" height="5" rx="1" />
      <path {...stroke} d="M11 6h6M11 14h6" />
    </g>
  ),
  callout: (
    <g>
      <rect {...stroke} x="3" y="4" width="14" height="12" rx="2.5" />
      <path {...stroke} d="M7 8v0M7 12v0" strokeWidth={2.2} />
      <path {...stroke} d="M9.5 8h4.5M9.5 12h4.5" />
    </g>
  ),
  table: (
    <g>
      <rect {...stroke} x="3" y="4" width="14" height="12" rx="1.5" />
      <path {...stroke} d="M3 8h14M3 12h14M8 8v8M12.5 8v8" />
    </g>
  ),
  image: (
    <g>
      <rect {...stroke} x="3" y="4" width="14" height="12" rx="1.5" />
      <circle {...stroke} cx="7.5" cy="8" r="1.3" />
      <path {...stroke} d="m3.5 14.5 4-4 3 3 2-2 4 3.5" />
    </g>
  ),
  attachment: <path {...stroke} d="M14.5 9.5 9 15a3.2 3.2 0 0 1-4.5-4.5l6-6a2.1 2.1 0 0 1 3 3l-6 6a1 1 0 0 1-1.5-1.5L11.5 7" />,
  align_left: <path {...stroke} d="M3.5 5h13M3.5 8.5h9M3.5 12h13M3.5 15.5h9" />,
  align_center: <path {...stroke} d="M3.5 5h13M5.5 8.5h9M3.5 12h13M5.5 15.5h9" />,
  align_right: <path {...stroke} d="M3.5 5h13M7.5 8.5h9M3.5 12h13M7.5 15.5h9" />,
  align_justify: <path {...stroke} d="M3.5 5h13M3.5 8.5h13M3.5 12h13M3.5 15.5h13" />,
  row_above: (
    <g>
      <rect {...stroke} x="3" y="10" width="14" height="6" rx="1" />
      <path {...stroke} d="M10 3v5M7.5 5.5h5" />
    </g>
  ),
  row_below: (
    <g>
      <rect {...stroke} x="3" y="4" width="14" height="6" rx="1" />
      <path {...stroke} d="M10 12v5M7.5 14.5h5" />
    </g>
  ),
  delete_row: (
    <g>
      <rect {...stroke} x="3" y="7" width="14" height="6" rx="1" />
      <path {...stroke} d="m8 8.5 4 3M12 8.5l-4 3" />
    </g>
  ),
  column_left: (
    <g>
      <rect {...stroke} x="10" y="3" width="6" height="14" rx="1" />
      <path {...stroke} d="M3 10h5M5.5 7.5v5" />
    </g>
  ),
  column_right: (
    <g>
      <rect {...stroke} x="4" y="3" width="6" height="14" rx="1" />
      <path {...stroke} d="M12 10h5M14.5 7.5v5" />
    </g>
  ),
  delete_column: (
    <g>
      <rect {...stroke} x="7" y="3" width="6" height="14" rx="1" />
      <path {...stroke} d="m8.5 8 3 4M11.5 8l-3 4" />
    </g>
  ),
  header_row: (
    <g>
      <rect {...stroke} x="3" y="4" width="14" height="12" rx="1.5" />
      <path d="M3.8 4.8h12.4V8H3.8z" fill="currentColor" opacity={0.45} />
      <path {...stroke} d="M3 8h14M3 12h14" />
    </g>
  ),
  merge_cells: (
    <g>
      <rect {...stroke} x="3" y="5" width="14" height="10" rx="1.5" />
      <path {...stroke} d="M6 10h8M12 8l2 2-2 2M8 8l-2 2 2 2" />
    </g>
  ),
  split_cell: (
    <g>
      <rect {...stroke} x="3" y="5" width="14" height="10" rx="1.5" />
      <path {...stroke} d="M10 5v10" />
    </g>
  ),
  delete_table: (
    <g>
      <rect {...stroke} x="3" y="4" width="11" height="10" rx="1.5" />
      <path {...stroke} d="M3 9h11M8.5 4v10" />
      <path {...stroke} d="m13 13 4 4M17 13l-4 4" />
    </g>
  ),
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

/** The 20×20 icon of a toolbar control; decorative, the button carries the name. */
export function ToolbarIcon({ id }: { id: string }) {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      {ICONS[id]}
    </svg>
  );
}
