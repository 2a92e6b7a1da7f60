// A few SVG primitives, enough for line and bar charts; no dependency for so little.

export const WIDTH = 760;
export const HEIGHT = 440;
export const MARGIN = { left: 78, right: 190, top: 48, bottom: 58 };
export const PLOT = { width: WIDTH - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom };

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function text(x: number, y: number, content: string, options: { anchor?: 'start' | 'middle' | 'end'; size?: number; weight?: string; rotate?: boolean } = {}): string {
  const transform = options.rotate ? ` transform="rotate(-90 ${x} ${y})"` : '';
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${options.size ?? 12}" text-anchor="${options.anchor ?? 'start'}"${options.weight ? ` font-weight="${options.weight}"` : ''}${transform}>${escape(content)}</text>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke = '#ccc', dash = ''): string {
  return `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${stroke}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
}

export function polyline(points: readonly (readonly [number, number])[], stroke: string, dash = ''): string {
  const path = points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  return `<polyline points="${path}" fill="none" stroke="${stroke}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
}

export function rect(x: number, y: number, width: number, height: number, fill: string): string {
  return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0, width).toFixed(1)}" height="${Math.max(0, height).toFixed(1)}" fill="${fill}"/>`;
}

/** The document around the chart's elements: white background, title, a caption line below. */
export function document(title: string, caption: string, body: readonly string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="Helvetica, Arial, sans-serif">`,
    rect(0, 0, WIDTH, HEIGHT, '#fff'),
    text(MARGIN.left, 24, title, { size: 15, weight: 'bold' }),
    text(MARGIN.left, HEIGHT - 10, caption, { size: 11 }),
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** A legend to the right of the plot: a line (or a box, for bars) and a label per series. */
export function legend(entries: readonly { label: string; color: string; dash?: string; box?: boolean }[]): string[] {
  const x = MARGIN.left + PLOT.width + 16;
  return entries.flatMap((entry, index) => {
    const y = MARGIN.top + 12 + index * 20;
    const swatch = entry.box ? rect(x, y - 10, 22, 10, entry.color) : line(x, y - 4, x + 22, y - 4, entry.color, entry.dash ?? '');
    return [swatch, text(x + 28, y, entry.label)];
  });
}
