import { describe, expect, it } from 'vitest';
import { RoleBody } from './documents';
import { Role, ShareRole } from './roles';

describe('roles', () => {
  it('a document has three roles, and members and links get every one but the owner’s', () => {
    expect(Role.options).toEqual(['owner', 'editor', 'viewer']);
    expect(ShareRole.options).toEqual(['editor', 'viewer']);
  });

  it('refuses the owner role, or none, with one message that names the choices', () => {
    for (const body of [{ role: 'owner' }, { role: 'admin' }, {}]) {
      const parsed = RoleBody.safeParse(body);
      expect(parsed.success, JSON.stringify(body)).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(['role: expected "editor" or "viewer"']);
    }
  });
});
