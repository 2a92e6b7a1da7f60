import type { VersionContent } from './from-yjs';

/**
 * Versions' contents kept in memory, most recently used last: enough for a history panel stepping
 * through neighbours. A version never changes once stored, so a key (document and version) names
 * one content for good.
 */
export class ContentCache {
  private readonly entries = new Map<string, VersionContent>();

  constructor(private readonly capacity = 16) {}

  get(key: string): VersionContent | undefined {
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
    }
    return cached;
  }

  remember(key: string, content: VersionContent): VersionContent {
    this.entries.delete(key);
    this.entries.set(key, content);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return content;
  }
}
