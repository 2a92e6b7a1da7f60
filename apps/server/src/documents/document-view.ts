import type { Member, MemberDocument, ShareLink } from '@quire/storage';

/** A document as the HTTP API shows it to one member. */
export interface DocumentView {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  role: MemberDocument['role'];
  owner: { id: string; name: string } | null;
}

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

export interface MemberView {
  user: { id: string; name: string; email: string };
  role: Member['role'];
  addedAt: string;
}

export function toMemberView(member: Member): MemberView {
  return {
    user: { id: member.user.id, name: member.user.name, email: member.user.email },
    role: member.role,
    addedAt: member.addedAt.toISOString(),
  };
}

export interface LinkView {
  id: string;
  role: ShareLink['role'];
  createdAt: string;
  token: string;
}

export function toLinkView(link: ShareLink, token: string): LinkView {
  return { id: link.id, role: link.role, createdAt: link.createdAt.toISOString(), token };
}
