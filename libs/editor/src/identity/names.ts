const ADJECTIVES = [
  'Bright', 'Calm', 'Clever', 'Curious', 'Gentle', 'Happy', 'Kind', 'Lively',
  'Merry', 'Nimble', 'Patient', 'Quiet', 'Steady', 'Sunny', 'Swift', 'Witty',
];
const ANIMALS = [
  'Badger', 'Crane', 'Dolphin', 'Falcon', 'Fox', 'Heron', 'Lynx', 'Marten',
  'Otter', 'Owl', 'Panda', 'Puffin', 'Robin', 'Seal', 'Sparrow', 'Wren',
];

/** Longest name, in characters, that others see next to a cursor. */
export const MAX_NAME_LENGTH = 40;

/** A friendly name to offer someone who has not chosen one: "Curious Otter". */
export function friendlyDefaultName(random: () => number = Math.random): string {
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length) % list.length] as string;
  return `${pick(ADJECTIVES)} ${pick(ANIMALS)}`;
}

/**
 * A display name as typed, tidied: spaces collapsed, control characters removed, at most
 * `MAX_NAME_LENGTH` characters. Null when nothing is left.
 */
export function cleanDisplayName(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  const tidy = input.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064]/g, ' ');
  const collapsed = tidy.replace(/\s+/g, ' ').trim();
  if (collapsed === '') return null;
  return Array.from(collapsed).slice(0, MAX_NAME_LENGTH).join('').trim();
}

/** Up to two initials for an avatar: "Ada Lovelace" → "AL", "grace" → "G". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words.slice(0, 1);
  return letters.map((word) => Array.from(word as string)[0]?.toLocaleUpperCase() ?? '').join('') || '?';
}
