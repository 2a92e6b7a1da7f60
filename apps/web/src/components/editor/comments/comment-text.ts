import { MENTION_PATTERN, mentionOf } from '@quire/api-contract';

/** A stretch of a comment's body: plain text, or a mention of a member. */
export type BodyPart = { kind: 'text'; text: string } | { kind: 'mention'; name: string; userId: string };

/** A body split into text and mentions (`@[Name](user:<id>)`), to be drawn as React text, never HTML. */
export function bodyParts(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(new RegExp(MENTION_PATTERN.source, 'g'))) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ kind: 'text', text: body.slice(last, index) });
    parts.push({ kind: 'mention', name: match[1] ?? '', userId: match[2] ?? '' });
    last = index + match[0].length;
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  return parts;
}

/** A person `@` can offer in the composer. */
export interface MentionablePerson {
  id: string;
  name: string;
  email?: string;
  /** Where their access comes from when it is not their own membership ("via folder Team"). */
  via?: string;
}

/**
 * What the composer shows for a stored body: mentions as `@Name`, with the people they name, so an
 * edit keeps them.
 */
export function editableBody(body: string): { text: string; mentioned: MentionablePerson[] } {
  const mentioned: MentionablePerson[] = [];
  const text = bodyParts(body)
    .map((part) => {
      if (part.kind === 'text') return part.text;
      mentioned.push({ id: part.userId, name: part.name });
      return `@${part.name}`;
    })
    .join('');
  return { text, mentioned };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The body to send: each `@Name` of a person chosen from the `@` menu becomes their mention
 * (`@[Name](user:<id>)`); longer names first, so "@Ada Lovelace" wins over "@Ada".
 */
export function storedBody(text: string, mentioned: readonly MentionablePerson[]): string {
  const byName = new Map(mentioned.map((person) => [person.name, person]));
  const names = [...byName.keys()].filter((name) => name.trim() !== '').sort((a, b) => b.length - a.length);
  if (names.length === 0) return text;
  const pattern = new RegExp(`@(${names.map(escapeRegExp).join('|')})`, 'g');
  return text.replace(pattern, (_whole, name: string) => mentionOf(byName.get(name) as MentionablePerson));
}

/** The `@` being typed just before the caret: its start and what follows it; null when there is none. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^\s@]{0,40})$/.exec(before);
  if (!match) return null;
  return { start: caret - (match[2]?.length ?? 0) - 1, query: match[2] ?? '' };
}

/** The people whose name or email starts a word with `query`, at most `limit`. */
export function matchingPeople(people: readonly MentionablePerson[], query: string, limit = 6): MentionablePerson[] {
  const wanted = query.toLocaleLowerCase();
  return people
    .filter((person) => {
      if (!wanted) return true;
      const words = `${person.name} ${person.email ?? ''}`.toLocaleLowerCase().split(/[\s@.]+/);
      return words.some((word) => word.startsWith(wanted));
    })
    .slice(0, limit);
}
