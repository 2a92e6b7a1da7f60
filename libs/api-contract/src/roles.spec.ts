import { describe, expect, it } from 'vitest';
import { RoleBody } from './documents';
import { mayComment, mayEdit, Role, ROLE_RANK, ShareRole } from './roles';

describe('roles', () => {
  it('a document has four roles, and members and links get every one but the owner’s', () => {
    expect(Role.options).toEqual(['owner', 'editor', 'commenter', 'viewer']);
    expect(ShareRole.options).toEqual(['editor', 'commenter', 'viewer']);
  });

  it('ranks the commenter between viewer and editor: may comment, may not edit', () => {
    expect(Role.options.filter(mayComment)).toEqual(['owner', 'editor', 'commenter']);
    expect(Role.options.filter(mayEdit)).toEqual(['owner', 'editor']);
    expect(ROLE_RANK.viewer < ROLE_RANK.commenter && ROLE_RANK.commenter < ROLE_RANK.editor).toBe(true);
  });

  it('refuses the owner role, or none, with one message that names the choices', () => {
    for (const body of [{ role: 'owner' }, { role: 'admin' }, {}]) {
      const parsed = RoleBody.safeParse(body);
      expect(parsed.success, JSON.stringify(body)).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(['role: expected "editor", "commenter" or "viewer"']);
    }
  });
});
