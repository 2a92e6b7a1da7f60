import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { PinoNestLogger } from './logger';

/** A Nest logger over pino at `level`, and the lines it wrote as { level, context, msg }. */
function capture(level: string) {
  const lines: { level: number; context?: string; msg: string }[] = [];
  const stream = { write: (line: string) => void lines.push(JSON.parse(line)) };
  return { nest: new PinoNestLogger(pino({ level }, stream)), lines };
}

describe('PinoNestLogger', () => {
  it("keeps Nest's start-up bookkeeping (modules, routes, started) out of info", () => {
    const { nest, lines } = capture('info');
    nest.log('Starting Nest application...', 'NestFactory');
    nest.log('AppModule dependencies initialized', 'InstanceLoader');
    nest.log('DocumentsController {/api/documents}:', 'RoutesResolver');
    nest.log('Mapped {/api/documents, GET} route', 'RouterExplorer');
    nest.log('Nest application successfully started', 'NestApplication');
    expect(lines).toEqual([]);
  });

  it('shows that bookkeeping at debug', () => {
    const { nest, lines } = capture('debug');
    nest.log('Mapped {/api/documents, GET} route', 'RouterExplorer');
    expect(lines).toMatchObject([{ level: 20, context: 'RouterExplorer', msg: 'Mapped {/api/documents, GET} route' }]);
  });

  it("logs Nest's other messages at their own level", () => {
    const { nest, lines } = capture('info');
    nest.log('something worth knowing', 'ExceptionsHandler');
    nest.warn('a warning');
    nest.error('it broke', 'stack', 'ExceptionsHandler');
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [30, 'something worth knowing'],
      [40, 'a warning'],
      [50, 'it broke'],
    ]);
  });
});
