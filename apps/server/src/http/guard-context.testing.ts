import type { IncomingMessage } from 'node:http';
import type { ExecutionContext } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';

/** An HTTP ExecutionContext for a guard's spec: the request, and the controller and handler it reaches. */
export function httpContext(request: Partial<IncomingMessage>, controller: new () => object, handler: string): ExecutionContext {
  const host = new ExecutionContextHost([request, {}, () => undefined], controller, controller.prototype[handler as keyof object]);
  host.setType('http');
  return host;
}

/** A request as Node would give it to Express: method, headers and the peer's address. */
export function fakeRequest(method: string, headers: Record<string, string> = {}, remoteAddress = '198.51.100.20'): IncomingMessage {
  return { method, url: '/api/test', headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}
