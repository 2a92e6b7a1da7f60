/**
 * A `.dockerignore` as Docker reads it: one pattern a line (`#` comments), paths relative to the
 * context root, `*` and `?` within one path segment, `**` across segments, `!` re-including what
 * an earlier pattern left out; the last pattern that matches decides. A pattern that matches a
 * directory leaves out everything under it.
 */
export class DockerIgnore {
  private readonly rules: { exclude: boolean; regex: RegExp }[];

  constructor(text: string) {
    this.rules = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => {
        const exclude = !line.startsWith('!');
        const pattern = (exclude ? line : line.slice(1)).trim().replace(/^\/+/, '').replace(/\/+$/, '');
        return { exclude, regex: toRegex(pattern) };
      });
  }

  /** Whether `relativePath` (`/`-separated, from the context root) stays out of the context. */
  ignores(relativePath: string): boolean {
    const segments = relativePath.split('/').filter(Boolean);
    let ignored = false;
    for (const rule of this.rules) {
      // A rule applies to the path or to any directory above it.
      for (let length = 1; length <= segments.length; length++) {
        if (rule.regex.test(segments.slice(0, length).join('/'))) {
          ignored = rule.exclude;
          break;
        }
      }
    }
    return ignored;
  }
}

function toRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      // `**/` matches zero or more whole directories; `**` at the end, anything.
      if (pattern[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
