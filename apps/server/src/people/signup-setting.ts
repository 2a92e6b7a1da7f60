import type { Directory } from '@quire/storage';

/** The settings key of the administrator's choice; absent until they make one. */
const SIGNUP_SETTING = 'allow-signup';

/**
 * Whether people may sign up: what the administrator chose on the admin page, stored so that every
 * instance reads the same; until they choose, `ALLOW_SIGNUP`.
 */
export class SignupSetting {
  constructor(
    private readonly store: Directory,
    private readonly fallback: boolean,
  ) {}

  async allowed(): Promise<boolean> {
    const stored = await this.store.getSetting(SIGNUP_SETTING);
    return stored === undefined ? this.fallback : stored === 'true';
  }

  async set(allowed: boolean): Promise<void> {
    // The directory writes a setting only where there is none: clear it, then write the new value.
    await this.store.deleteSetting(SIGNUP_SETTING);
    await this.store.setSettingIfAbsent(SIGNUP_SETTING, String(allowed));
  }
}
