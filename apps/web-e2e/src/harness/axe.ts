import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { workspaceRoot } from '@quire/testing';

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

const axePath = createRequire(path.join(workspaceRoot(), 'package.json')).resolve('axe-core/axe.min.js');
let axeSource: string | null = null;

/**
 * Runs axe-core on the page as it is now, prints every violation, and returns the serious and
 * critical ones (the tests fail on those).
 */
export async function seriousAccessibilityViolations(page: Page, label: string): Promise<AxeViolation[]> {
  return (await accessibilityViolations(page, label)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Runs axe-core on the page as it is now, prints every violation, and returns them all. */
export async function accessibilityViolations(page: Page, label: string): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the pages' Content-Security-Policy blocks a <script>
  // added to the page (addScriptTag), as it would any injected script.
  // Colours ease between themes (a button's background takes 120 ms): a scan in the middle of a
  // transition reads colours the page never settles on, and reports their contrast. Transitions
  // only: animations such as the connecting pulse run for as long as they are shown.
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => !(animation instanceof CSSTransition) || animation.playState !== 'running'),
  );
  axeSource ??= readFileSync(axePath, 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  });
  const typed = violations as AxeViolation[];
  for (const violation of typed) {
    console.log(
      `[axe ${label}] ${violation.impact}: ${violation.id} — ${violation.help} (${violation.helpUrl})\n` +
        violation.nodes.map((node) => `    ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`).join('\n'),
    );
  }
  return typed;
}
