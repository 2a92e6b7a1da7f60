import type { MemberList } from '@quire/api-contract';
import type { DocumentPerson } from '../media/use-editor-media';

/** Where someone's access to a document comes from, as the share dialog and the `@` menu say it. */
export function viaFolder(folder: MemberList['inherited'][number]['folder']): string {
  return folder ? `via folder ${folder.name}` : 'via a folder';
}

/**
 * Everyone who may open the document, each once: its own members, then the people it reaches
 * through folders, marked with where their access comes from. `@` offers them all (a comment
 * mentioning any of them reaches them: the server tells whoever may read the document).
 */
export function mentionablePeople(people: MemberList): DocumentPerson[] {
  const listed: DocumentPerson[] = people.members.map((member) => ({ id: member.user.id, name: member.user.name, email: member.user.email }));
  const seen = new Set(listed.map((person) => person.id));
  for (const member of people.inherited) {
    if (seen.has(member.user.id)) continue;
    seen.add(member.user.id);
    listed.push({ id: member.user.id, name: member.user.name, email: member.user.email, via: viaFolder(member.folder) });
  }
  return listed;
}
