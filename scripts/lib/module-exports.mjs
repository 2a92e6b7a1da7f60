// The names a library's entry points export, as TypeScript resolves them (`export *` included).
import ts from 'typescript';

/** The files of a library's `exports` (their `@quire/source` condition), by entry point name. */
export function entryPoints(packageJson, packageDir) {
  const exportsField = packageJson.exports ?? { '.': { '@quire/source': './src/index.ts' } };
  const entries = new Map();
  for (const [subpath, target] of Object.entries(exportsField)) {
    const source = typeof target === 'object' && target !== null ? target['@quire/source'] : undefined;
    if (source === undefined) continue;
    entries.set(subpath === '.' ? packageJson.name : `${packageJson.name}/${subpath.replace(/^\.\//, '')}`, `${packageDir}/${source.replace(/^\.\//, '')}`);
  }
  return entries;
}

/**
 * `{ exports: Map<file, Set<name>>, problems: string[] }` for `files`, in one program (the
 * libraries share most of their dependencies). A re-export that cannot be resolved is a problem,
 * not an empty list.
 */
export function moduleExports(files) {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    customConditions: ['@quire/source'],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    experimentalDecorators: true,
  });
  const checker = program.getTypeChecker();
  const exports = new Map();
  const problems = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    const symbol = source && checker.getSymbolAtLocation(source);
    if (!symbol) {
      problems.push(`${file}: not a module TypeScript can read`);
      continue;
    }
    for (const diagnostic of program.getSemanticDiagnostics(source)) {
      if ([2305, 2307, 2308, 2614].includes(diagnostic.code)) problems.push(`${file}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
    }
    exports.set(file, new Set(checker.getExportsOfModule(symbol).map((exported) => exported.name)));
  }
  return { exports, problems };
}
