import { describe, expect, it } from 'vitest';
import { execForm, keyValuePairs, parseDockerfile } from './parse-dockerfile';

describe('parseDockerfile', () => {
  it('splits stages, joins continuations and skips comments inside them', () => {
    const stages = parseDockerfile(
      [
        '# syntax=docker/dockerfile:1',
        'FROM node:22-slim AS build',
        'RUN apt-get update \\',
        '    # a comment Docker skips',
        '    && apt-get install -y make',
        'COPY --from=build --chown=node:node /app/dist ./',
        '',
        'FROM node:22-slim',
        'CMD ["node", "main.js"]',
      ].join('\n'),
    );
    expect(stages.map((stage) => [stage.base, stage.name])).toEqual([
      ['node:22-slim', 'build'],
      ['node:22-slim', undefined],
    ]);
    const [run, copy] = stages[0].instructions;
    expect(run).toMatchObject({ keyword: 'RUN', line: 3, args: 'apt-get update && apt-get install -y make' });
    expect(copy).toMatchObject({ keyword: 'COPY', flags: { from: 'build', chown: 'node:node' }, args: '/app/dist ./' });
    expect(stages[1].instructions[0]).toMatchObject({ keyword: 'CMD', args: '["node", "main.js"]' });
  });

  it('refuses instructions before FROM', () => {
    expect(() => parseDockerfile('RUN true\nFROM x')).toThrow('RUN before the first FROM');
  });
});

describe('execForm', () => {
  it('reads the JSON form and refuses the shell form', () => {
    expect(execForm('["node", "-e", "x"]', 1)).toEqual(['node', '-e', 'x']);
    expect(() => execForm('node main.js', 7)).toThrow('line 7: expected the exec form');
  });
});

describe('keyValuePairs', () => {
  it('reads several pairs, quoted values and the legacy form', () => {
    expect(keyValuePairs('A=1 B="two words" C=', 1)).toEqual([
      ['A', '1'],
      ['B', 'two words'],
      ['C', ''],
    ]);
    expect(keyValuePairs('a.b="say \\"hi\\""', 1)).toEqual([['a.b', 'say "hi"']]);
    expect(keyValuePairs('NODE_ENV production', 1)).toEqual([['NODE_ENV', 'production']]);
  });
});
