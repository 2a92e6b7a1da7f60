import { describe, expect, it } from 'vitest';
import { findText } from './use-find-from-address';

describe('findText', () => {
  it('finds a quoted phrase as it is, else the first word that is not excluded', () => {
    expect(findText('garden "south wall" -shed')).toBe('south wall');
    expect(findText('-shed tomatoes or beans')).toBe('tomatoes');
    expect(findText('or')).toBe('');
    expect(findText('  ')).toBe('');
    expect(findText('"unbalanced')).toBe('unbalanced');
  });
});
