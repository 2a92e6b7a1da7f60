import { Controller, Get, Post } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { User } from '@quire/storage';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../auth/auth-error';
import type { Principal } from '../auth/principal';
import type { RequestAuth } from '../auth/request-auth';
import { AllowAnonymous } from './allow-anonymous.decorator';
import type { CallerRequest } from './caller.decorator';
import { CallerGuard } from './caller.guard';
import { fakeRequest, httpContext } from './guard-context.testing';
import { SessionOnly } from './session-only.decorator';

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

@Controller('links')
class LinkRoutes {
  @Get(':token')
  @AllowAnonymous()
  resolve(): string {
    return 'routed';
  }
}

@Controller('session')
@AllowAnonymous()
class SessionRoutes {
  @Get()
  session(): string {
    return 'routed';
  }
}

const user: User = { id: 'user-1', email: 'ada@example.com', name: 'Ada', isAdmin: true, createdAt: new Date(0) };
const principals: Record<string, Principal | undefined> = {
  session: { kind: 'session', user, sessionDigest: 'digest' },
  token: { kind: 'token', user, tokenId: 'token-1' },
  nobody: undefined,
};

/** What the guard decides for `who` on a route, and the caller it left on the request. */
async function decide(who: keyof typeof principals, controller: new () => object, handler: string): Promise<{ outcome: true | AuthError; caller: Principal | undefined }> {
  const auth = { callerOf: async () => principals[who] } as unknown as RequestAuth;
  const request = fakeRequest('GET') as CallerRequest;
  try {
    const outcome = (await new CallerGuard(new Reflector(), auth).canActivate(httpContext(request, controller, handler))) as true;
    return { outcome, caller: request.caller };
  } catch (error) {
    if (error instanceof AuthError) return { outcome: error, caller: request.caller };
    throw error;
  }
}

async function outcome(who: keyof typeof principals, controller: new () => object, handler: string): Promise<true | number> {
  const { outcome: decided } = await decide(who, controller, handler);
  return decided === true ? true : decided.status;
}

describe('CallerGuard', () => {
  it('takes a session, refuses an API token (403) and nobody (401), on a controller marked session-only as a whole', async () => {
    expect(await outcome('session', AdminRoutes, 'users')).toBe(true);
    expect(await outcome('token', AdminRoutes, 'users')).toBe(403);
    expect(await outcome('nobody', AdminRoutes, 'users')).toBe(401);
  });

  it('applies @SessionOnly() to a marked route only', async () => {
    expect(await outcome('token', DocumentRoutes, 'secret')).toBe(403);
    expect(await outcome('token', DocumentRoutes, 'list')).toBe(true);
    expect(await outcome('session', DocumentRoutes, 'list')).toBe(true);
  });

  it('says why: sign in, or use a browser', async () => {
    const nobody = (await decide('nobody', DocumentRoutes, 'list')).outcome as AuthError;
    expect(nobody.message).toBe('Sign in first (or send an API token as "Authorization: Bearer qt_…")');
    const token = (await decide('token', AdminRoutes, 'users')).outcome as AuthError;
    expect(token.message).toMatch(/^API tokens cannot do this: sign in with a browser/);
  });

  it('fails closed: nobody gets 401 unless the route or its controller says @AllowAnonymous()', async () => {
    expect(await outcome('nobody', DocumentRoutes, 'list')).toBe(401);
    expect(await outcome('nobody', LinkRoutes, 'resolve')).toBe(true);
    expect(await outcome('nobody', SessionRoutes, 'session')).toBe(true);
    expect(await outcome('token', LinkRoutes, 'resolve')).toBe(true);
  });

  it('leaves the caller on the request for @Caller(), or nothing for nobody', async () => {
    expect((await decide('token', DocumentRoutes, 'list')).caller).toBe(principals.token);
    expect((await decide('session', SessionRoutes, 'session')).caller).toBe(principals.session);
    expect((await decide('nobody', SessionRoutes, 'session')).caller).toBeUndefined();
  });
});
