import { ConfigError, parseConfig } from '../config/config.schema';
import { resetPassword } from '../auth/password-reset';
import { openStorage } from '../storage/open-storage';
import { createLogger } from '../logging/logger';

/**
 * `node apps/server/dist/cli/reset-admin-password.js [email]`: prints a new password for the
 * administrator (or the admin with that email), for when they are locked out. Reads the same
 * environment as the server, so it finds the same database.
 */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const logger = createLogger('warn');
  const storage = await openStorage(config.database, logger);
  try {
    const { directory } = storage;
    const wanted = process.argv[2]?.trim().toLowerCase();
    const admins = (await directory.listUsers()).filter((user) => user.isAdmin && (!wanted || user.email === wanted));
    if (admins.length === 0) {
      process.stderr.write(wanted ? `No administrator has the email ${wanted}\n` : 'No administrator exists yet: use the setup code from the server log\n');
      process.exitCode = 1;
      return;
    }
    const admin = admins[0];
    const password = await resetPassword(directory, admin.id);
    process.stdout.write(`New password for ${admin.email}: ${password}\nSign in with it, then change it on the account page.\n`);
  } finally {
    await storage.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
