import type { Browser } from 'playwright-core';

/** The document the README's screenshots show: every kind of element the editor draws. */
export function showcaseMarkdown(imageUrl: string): string {
  return `# Launch plan

Quire 2.0 ships on **Friday**. Everyone with the link edits live, and every change is *saved before it is shared*.

> [!NOTE]
> The beta closes on Thursday at noon. Write down anything that blocks the launch in the checklist below.

## Checklist

- [x] Tables, task lists and code blocks
- [x] A dark theme that follows the system
- [ ] Release notes
- [ ] Screenshots for the README

## Who does what

| Area | Owner | Status |
| --- | --- | --- |
| Editor | Ada | Done |
| Server | Grace | In review |
| Docs | Lin | Writing |

## The rollout

\`\`\`typescript
type Stage = 'beta' | 'stable';

export async function rollout(stage: Stage) {
  for (const server of await servers()) {
    // One at a time: the rest keep serving.
    await server.deploy(\`quire-2.0-\${stage}\`);
  }
}
\`\`\`

![A bar chart of weekly active writers, rising from 120 to 410 over eight weeks](${imageUrl} "Weekly active writers since the beta opened")
`;
}

/** Eight weeks of writers, for the chart. */
const WEEKS = [120, 150, 170, 210, 240, 300, 350, 410];

/** A bar chart as a PNG, drawn by Chromium from SVG: the same bytes on every run on one machine. */
export async function chartPng(browser: Browser): Promise<Buffer> {
  const width = 960;
  const height = 440;
  const bar = 72;
  const gap = (width - 120 - WEEKS.length * bar) / (WEEKS.length - 1);
  const bars = WEEKS.map((value, index) => {
    const h = (value / 450) * 320;
    const x = 60 + index * (bar + gap);
    return `<rect x="${x}" y="${380 - h}" width="${bar}" height="${h}" rx="8" fill="url(#bar)"/>
      <text x="${x + bar / 2}" y="${372 - h}" text-anchor="middle" font-size="18" fill="#1f2a44">${value}</text>
      <text x="${x + bar / 2}" y="410" text-anchor="middle" font-size="16" fill="#5c5750">W${index + 1}</text>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"
      font-family="system-ui, sans-serif">
    <defs><linearGradient id="bar" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#5b82d9"/><stop offset="1" stop-color="#2651b3"/></linearGradient></defs>
    <rect width="${width}" height="${height}" rx="16" fill="#f3f6fc"/>
    <line x1="40" y1="380.5" x2="${width - 40}" y2="380.5" stroke="#c9d6f5" stroke-width="2"/>
    ${bars}
  </svg>`;
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  try {
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    return await page.locator('svg').screenshot({ omitBackground: true });
  } finally {
    await page.close();
  }
}
