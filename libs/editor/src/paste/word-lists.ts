// Word puts a list on the clipboard as paragraphs, each with `mso-list: l0 level2 lfo1` in its
// style and its bullet or number as text in a span styled `mso-list: Ignore`. ProseMirror's parse
// rules see one element at a time, so the paragraphs are gathered into real lists first.

const LIST_STYLE = /mso-list:\s*(l\d+)\s+level(\d+)/i;
const ORDERED_MARKER = /^\s*(\d+|[a-z]|[ivxlcdm]+)[.)]/i;

function levelOf(paragraph: Element): number {
  return Number(LIST_STYLE.exec(paragraph.getAttribute('style') ?? '')?.[2] ?? 0);
}

/** Which of Word's lists (`l0`, `l1`…) a paragraph belongs to: a new id starts a new list. */
function listOf(paragraph: Element): string | undefined {
  return LIST_STYLE.exec(paragraph.getAttribute('style') ?? '')?.[1];
}

/** Removes a paragraph's Word list marker, telling whether it was a number (or letter). */
function takeMarker(paragraph: Element): boolean {
  let ordered = false;
  for (const marker of Array.from(paragraph.querySelectorAll('[style*="mso-list"]'))) {
    if (!/mso-list:\s*ignore/i.test(marker.getAttribute('style') ?? '')) continue;
    ordered ||= ORDERED_MARKER.test(marker.textContent ?? '');
    marker.remove();
  }
  return ordered;
}

/**
 * Turns runs of Word's list paragraphs under `root` into `<ul>`/`<ol>` with `<li>`s, nested by
 * their level, in place. Other content is untouched.
 */
export function normalizeWordLists(root: Element): void {
  const document = root.ownerDocument;
  const paragraphs = Array.from(root.querySelectorAll('p')).filter((p) => levelOf(p) > 0);
  const done = new Set<Element>();
  for (const first of paragraphs) {
    if (done.has(first)) continue;
    const run: Element[] = [first];
    for (let next = first.nextElementSibling; next && next.tagName === 'P' && listOf(next) === listOf(first); next = next.nextElementSibling) run.push(next);
    const ordered = run.map((p) => takeMarker(p));
    const top = document.createElement(ordered[0] ? 'ol' : 'ul');
    first.before(top);
    const stack: { level: number; list: Element }[] = [{ level: levelOf(first), list: top }];
    run.forEach((paragraph, index) => {
      done.add(paragraph);
      const level = levelOf(paragraph);
      while (stack.length > 1 && (stack.at(-1)?.level ?? 0) > level) stack.pop();
      let current = stack.at(-1) as { level: number; list: Element };
      if (level > current.level) {
        const parent = current.list.lastElementChild ?? current.list.appendChild(document.createElement('li'));
        const nested = parent.appendChild(document.createElement(ordered[index] ? 'ol' : 'ul'));
        current = { level, list: nested };
        stack.push(current);
      }
      const item = current.list.appendChild(document.createElement('li'));
      item.appendChild(paragraph);
    });
  }
}
