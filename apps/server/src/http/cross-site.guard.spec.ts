import { Controller, Post } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../auth/auth-error';
import type { AppConfig } from '../config/config.schema';
import { AllowCrossSite } from './allow-cross-site.decorator';
import { CrossSiteGuard } from './cross-site.guard';
import { fakeRequest, httpContext } from './guard-context.testing';

@Controller('test')
class Routes {
  @Post('signin')
  signin(): string {
    return 'routed';
  }

  @Post('beacon')
  @AllowCrossSite()
  beacon(): string {
    return 'routed';
  }
}

const config = { allowedOrigins: ['http://localhost:3000'], trustProxy: [] } as unknown as AppConfig;
const guard = new CrossSiteGuard(new Reflector(), config);

function outcome(handler: string, method: string, headers: Record<string, string>): true | AuthError {
  try {
    return guard.canActivate(httpContext(fakeRequest(method, { host: '127.0.0.1:4000', ...headers }), Routes, handler)) as true;
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
}

describe('CrossSiteGuard', () => {
  it('refuses a state-changing request from a foreign Origin on a route that reads nobody’s session', () => {
    const refused = outcome('signin', 'POST', { origin: 'https://evil.example' });
    expect(refused).toBeInstanceOf(AuthError);
    expect((refused as AuthError).status).toBe(403);
    expect((refused as AuthError).message).toBe(
      'Requests from https://evil.example may not change anything here; add it to ALLOWED_ORIGINS if it is your web app',
    );
  });

  it('lets through the allowed origin, the server’s own, scripts without Origin, and reads', () => {
    expect(outcome('signin', 'POST', { origin: 'http://localhost:3000' })).toBe(true);
    expect(outcome('signin', 'POST', { origin: 'http://127.0.0.1:4000' })).toBe(true);
    expect(outcome('signin', 'DELETE', {})).toBe(true);
    expect(outcome('signin', 'GET', { origin: 'https://evil.example' })).toBe(true);
  });

  it('skips a route that opts out with @AllowCrossSite()', () => {
    expect(outcome('beacon', 'POST', { origin: 'https://evil.example' })).toBe(true);
  });
});
