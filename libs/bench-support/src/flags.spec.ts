import { describe, expect, it } from 'vitest';
import { readFlags } from './flags';

function parse(argv: string[]) {
  const seen: Record<string, string | boolean> = {};
  const { help } = readFlags(argv, (flag, read) => {
    if (flag === '--quick') seen['quick'] = read.enabled();
    else if (flag === '--only') seen['only'] = read.value();
    else return false;
    return true;
  });
  return { help, seen };
}

describe('readFlags', () => {
  it('reads values in either spelling Nx forwards', () => {
    expect(parse(['--only', 'join']).seen).toEqual({ only: 'join' });
    expect(parse(['--only=join,storm']).seen).toEqual({ only: 'join,storm' });
  });

  it('reads switches, also written --flag=true or --flag=false', () => {
    expect(parse(['--quick']).seen).toEqual({ quick: true });
    expect(parse(['--quick=true']).seen).toEqual({ quick: true });
    expect(parse(['--quick=false']).seen).toEqual({ quick: false });
  });

  it('answers --help and -h', () => {
    expect(parse(['--help']).help).toBe(true);
    expect(parse(['-h', '--quick']).help).toBe(true);
    expect(parse([]).help).toBe(false);
  });

  it('refuses a flag without its value, and arguments nobody knows', () => {
    expect(() => parse(['--only'])).toThrow('--only needs a value');
    expect(() => parse(['--only='])).toThrow('--only needs a value');
    expect(() => parse(['--fast'])).toThrow('Unknown argument "--fast"');
  });
});
