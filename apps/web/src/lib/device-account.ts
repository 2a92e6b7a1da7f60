import { UserView } from '@quire/api-contract';

/**
 * The account last signed in on this device, so that a document kept here opens while the server
 * cannot be reached (its copy's database is named with this id). Not a credential: it opens
 * nothing on the server, and signing out forgets it.
 */
const KEY = 'quire:device-account';

export type DeviceAccount = UserView;

export function rememberDeviceAccount(user: UserView): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ id: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin, createdAt: user.createdAt }));
  } catch {
    // Storage off: offline opening is off too.
  }
}

export function deviceAccount(): DeviceAccount | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as unknown;
    const parsed = UserView.safeParse(value);
    if (parsed.success) return parsed.data;
  } catch {
    // Unreadable: as if none.
  }
  return null;
}

export function forgetDeviceAccount(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}
