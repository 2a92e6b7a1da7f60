import { Controller, Get, Post } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { User } from '@quire/storage';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../auth/auth-error';
import type { Principal } from '../auth/principal';
import type { RequestAuth } from '../auth/request-auth';
import { fakeRequest, httpContext } from './guard-context.testing';
import { SessionOnly } from './session-only.decorator';
import { SessionOnlyGuard } from './session-only.guard';

@Controller('admin')
@SessionOnly()
class AdminRoutes {
  @Get('users')
  users(): string {
    return 'routed';
  }
}

@Controller('documents')
class DocumentRoutes {
  @Get()
  list(): string {
    return 'routed';
  }

  @Post(':id/secret')
  @SessionOnly()
  secret(): string {
    return 'routed';
  }
}

const user: User = { id: 'user-1', email: 'ada@example.com', name: 'Ada', isAdmin: true, createdAt: new Date(0) };
const principals: Record<string, Principal | undefined> = {
  session: { kind: 'session', user, sessionDigest: 'digest' },
  token: { kind: 'token', user, tokenId: 'token-1' },
  nobody: undefined,
};

async function outcome(who: keyof typeof principals, controller: new () => object, handler: string): Promise<true | number> {
  const auth = {
    require: async () => {
      const principal = principals[who];
      if (!principal) throw new AuthError(401, 'Sign in first');
      return principal;
    },
  } as unknown as RequestAuth;
  try {
    return (await new SessionOnlyGuard(new Reflector(), auth).canActivate(httpContext(fakeRequest('GET'), controller, handler))) as true;
  } catch (error) {
    if (error instanceof AuthError) return error.status;
    throw error;
  }
}

describe('SessionOnlyGuard', () => {
  it('takes a session, refuses an API token (403) and nobody (401), on a controller marked as a whole', async () => {
    expect(await outcome('session', AdminRoutes, 'users')).toBe(true);
    expect(await outcome('token', AdminRoutes, 'users')).toBe(403);
    expect(await outcome('nobody', AdminRoutes, 'users')).toBe(401);
  });

  it('applies to a marked route only', async () => {
    expect(await outcome('token', DocumentRoutes, 'secret')).toBe(403);
    expect(await outcome('token', DocumentRoutes, 'list')).toBe(true);
    expect(await outcome('nobody', DocumentRoutes, 'list')).toBe(true);
  });
});
