import { RequestMethod, type DynamicModule, type Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { API_ROUTES, type RouteCaller } from '@quire/api-contract';
import type { Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config.schema';
import { ALLOW_ANONYMOUS } from './http/allow-anonymous.decorator';
import { SESSION_ONLY } from './http/session-only.decorator';

/** Every controller of the application, found as Nest finds them: through the modules' imports. */
function controllersOf(root: DynamicModule): Array<Type<object>> {
  const seen = new Set<unknown>();
  const controllers: Array<Type<object>> = [];
  const visit = (entry: Type<object> | DynamicModule) => {
    if (seen.has(entry)) return;
    seen.add(entry);
    const dynamic = 'module' in entry ? entry : undefined;
    const module = dynamic?.module ?? (entry as Type<object>);
    controllers.push(...(Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, module) ?? []), ...(dynamic?.controllers ?? []));
    for (const imported of [...(Reflect.getMetadata(MODULE_METADATA.IMPORTS, module) ?? []), ...(dynamic?.imports ?? [])]) visit(imported);
  };
  visit(root);
  return controllers;
}

/**
 * Every route the server serves, as `METHOD /path`, and whom it lets in, read from the decorators
 * Nest's router and the CallerGuard read (esbuild, which runs these specs, cannot build the whole
 * application: it emits no decorator metadata for dependency injection).
 */
function servedRoutes(): Map<string, RouteCaller> {
  const reflector = new Reflector();
  const routes = new Map<string, RouteCaller>();
  for (const controller of controllersOf(AppModule.register({} as AppConfig, {} as Logger))) {
    const base: string = Reflect.getMetadata(PATH_METADATA, controller);
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, () => unknown>)[name];
      const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
      if (method === undefined) continue;
      const path = `/${[base, Reflect.getMetadata(PATH_METADATA, handler) as string].filter((part) => part && part !== '/').join('/')}`;
      const marked = (key: string) => reflector.getAllAndOverride<boolean>(key, [handler, controller]) === true;
      routes.set(`${RequestMethod[method]} ${path}`, marked(ALLOW_ANONYMOUS) ? 'anyone' : marked(SESSION_ONLY) ? 'session' : 'signed-in');
    }
  }
  return routes;
}

describe('the routes the server serves', () => {
  const served = servedRoutes();

  it('are exactly those of @quire/api-contract, so none is missing from GET /api/openapi.json', () => {
    expect(served.size).toBeGreaterThan(30);
    expect([...served.keys()].sort()).toEqual(API_ROUTES.map((route) => `${route.method} ${route.path}`).sort());
  });

  it('let in whom the contract says: anyone (@AllowAnonymous), a browser session only (@SessionOnly), or any signed-in caller', () => {
    expect(Object.fromEntries(served)).toEqual(Object.fromEntries(API_ROUTES.map((route) => [`${route.method} ${route.path}`, route.caller])));
  });
});
