import type { DocumentView, ListedDocumentView, MemberView, ShareLinkView } from '@quire/api-contract';
import type { ListedDocument, Member, MemberDocument, ShareLink } from '@quire/storage';

/** A document as the HTTP API shows it to one member. */
export function toDocumentView(doc: MemberDocument): DocumentView {
  return {
    id: doc.id,
    title: doc.title,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    role: doc.role,
    owner: doc.owner ? { id: doc.owner.id, name: doc.owner.name } : null,
  };
}

/** The same, with whether the caller starred it: each row of their lists, and `GET /api/documents/:id`. */
export function toListedDocumentView(doc: ListedDocument): ListedDocumentView {
  return { ...toDocumentView(doc), starred: doc.starred };
}

export function toMemberView(member: Member): MemberView {
  return {
    user: { id: member.user.id, name: member.user.name, email: member.user.email },
    role: member.role,
    addedAt: member.addedAt.toISOString(),
  };
}

export function toLinkView(link: ShareLink, token: string): ShareLinkView {
  return { id: link.id, role: link.role, createdAt: link.createdAt.toISOString(), token };
}
