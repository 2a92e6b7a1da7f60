// A script on Quire's typed client (README, "Scripts"): imports a Markdown file as a new document,
// appends a line to it, and prints it back as Markdown. Run it with a server's URL and an API token:
//
//   QUIRE_URL=http://localhost:4000 QUIRE_TOKEN=qt_… node docs/examples/content-script.mjs
//
// (`npm run build` first, or `npx nx run api-contract:build`: it loads the built @quire/api-contract.)
import { createQuireClient, QuireApiError } from '@quire/api-contract';

const quire = createQuireClient(process.env.QUIRE_URL ?? 'http://localhost:4000', process.env.QUIRE_TOKEN ?? '');

try {
  const imported = await quire.importFile({ name: 'standup.md', data: '# Stand-up notes\n\n- [x] Ship the import\n- [ ] Write the docs\n' });
  console.log(`Imported "${imported.title}" as ${imported.id}${imported.changes.length ? ` (changed: ${imported.changes.join('; ')})` : ''}`);
  await quire.addContent(imported.id, { markdown: 'Added by a script at **' + new Date().toISOString() + '**' });
  console.log(await quire.getContent(imported.id, 'markdown'));
} catch (error) {
  if (error instanceof QuireApiError) console.error(`Quire refused (${error.status}): ${error.message}`);
  else throw error;
  process.exitCode = 1;
}
