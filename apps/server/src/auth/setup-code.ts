import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Directory } from '@quire/storage';

const SETTING = 'setup_code';

/**
 * The one-time code that creating the first account needs, so that a freshly exposed instance
 * cannot be claimed by whoever finds it first. Kept in the database, so every instance prints
 * and accepts the same code; removed once the administrator exists.
 */
export class SetupCode {
  constructor(private readonly store: Directory) {}

  /** The code to print while no account exists, made on first call; undefined once set up. */
  async current(): Promise<string | undefined> {
    if ((await this.store.countUsers()) > 0) return undefined;
    const fresh = Array.from({ length: 3 }, () => randomBytes(3).toString('hex').toUpperCase()).join('-');
    return this.store.setSettingIfAbsent(SETTING, fresh);
  }

  async matches(candidate: string): Promise<boolean> {
    const code = await this.store.getSetting(SETTING);
    if (!code) return false;
    const a = Buffer.from(code);
    const b = Buffer.from(candidate.trim().toUpperCase());
    return a.length === b.length && timingSafeEqual(a, b);
  }

  async consume(): Promise<void> {
    await this.store.deleteSetting(SETTING);
  }
}
