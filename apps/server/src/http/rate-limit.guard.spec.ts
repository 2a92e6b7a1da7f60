import { Controller, Post } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { User } from '@quire/storage';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../auth/auth-error';
import type { Principal } from '../auth/principal';
import type { RequestAuth } from '../auth/request-auth';
import { RateLimiters } from '../throttle/rate-limiters';
import { fakeRequest, httpContext } from './guard-context.testing';
import { RATE_LIMITS } from './rate-limit-policies';
import { RateLimit } from './rate-limit.decorator';
import { RateLimitGuard } from './rate-limit.guard';

@Controller('documents')
class Routes {
  @Post(':id/members')
  @RateLimit('member-add')
  addMember(): string {
    return 'routed';
  }

  @Post()
  create(): string {
    return 'routed';
  }
}

function userNamed(id: string): Principal {
  const user: User = { id, email: `${id}@example.com`, name: id, isAdmin: false, createdAt: new Date(0) };
  return { kind: 'session', user, sessionDigest: `digest-${id}` };
}

function guardWith(principalOf: (address: string) => Principal | undefined): (handler: string, address: string) => Promise<true | AuthError> {
  const auth = {
    callerOf: async (request: { socket: { remoteAddress: string } }) => principalOf(request.socket.remoteAddress),
    address: (request: { socket: { remoteAddress: string } }) => request.socket.remoteAddress,
  } as unknown as RequestAuth;
  const guard = new RateLimitGuard(new Reflector(), auth, RateLimiters.inMemory());
  return async (handler, address) => {
    try {
      return (await guard.canActivate(httpContext(fakeRequest('POST', {}, address), Routes, handler))) as true;
    } catch (error) {
      if (error instanceof AuthError) return error;
      throw error;
    }
  };
}

const { points } = RATE_LIMITS['member-add'];

describe('RateLimitGuard', () => {
  it('refuses a user past the policy with 429 and Retry-After, from any address', async () => {
    const call = guardWith(() => userNamed('ada'));
    for (let i = 0; i < points; i++) expect(await call('addMember', `10.0.${Math.floor(i / 200)}.${i % 200}`)).toBe(true);
    const refused = await call('addMember', '192.0.2.99');
    expect(refused).toBeInstanceOf(AuthError);
    expect((refused as AuthError).status).toBe(429);
    expect((refused as AuthError).retryAfterSeconds).toBeGreaterThan(0);
    expect((refused as AuthError).message).toMatch(/^Too many members added: try again in \d+ minutes$/);
  });

  it('refuses an address past the policy whoever signs in from it, and leaves others alone', async () => {
    let next = 0;
    const call = guardWith(() => userNamed(`user-${next++}`));
    for (let i = 0; i < points; i++) expect(await call('addMember', '203.0.113.1')).toBe(true);
    expect(await call('addMember', '203.0.113.1')).toBeInstanceOf(AuthError);
    expect(await call('addMember', '203.0.113.2')).toBe(true);
  });

  it('counts nothing on a route without @RateLimit()', async () => {
    const call = guardWith(() => userNamed('ada'));
    for (let i = 0; i < points + 5; i++) expect(await call('create', '203.0.113.1')).toBe(true);
  });
});
