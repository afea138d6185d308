// Lint, including the architecture's boundaries (DESIGN.md "Layout"):
// shared imports no client/server code; only client/db imports dexie; only
// server/db imports the database drivers (the server's other parts use Kysely's query builder); features never import each other.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import path from 'node:path';

const root = path.dirname(new URL(import.meta.url).pathname);

/** Where a file sits in the layout, as a list of path segments under src/. */
function layerOf(file) {
  const rel = path.relative(path.join(root, 'src'), file);
  return rel.startsWith('..') ? null : rel.split(path.sep);
}

const boundaries = {
  meta: { type: 'problem', schema: [], messages: { broken: '{{why}}' } },
  create(context) {
    const from = layerOf(context.filename);
    if (!from) return {};
    // Integration tests may join the two sides (a real server for the real client code);
    // so may the harnesses they share, in a `testing` folder, which app code never imports.
    const isTest = context.filename.endsWith('.test.ts') || from[1] === 'testing';
    function check(node) {
      const source = node.source && node.source.value;
      if (typeof source !== 'string') return;
      const report = (why) => context.report({ node, messageId: 'broken', data: { why } });
      const packageName = source.startsWith('@')
        ? source.split('/').slice(0, 2).join('/')
        : source.split('/')[0];
      if (!source.startsWith('.')) {
        if (
          ['dexie', 'dexie-react-hooks', 'fake-indexeddb'].includes(packageName) &&
          !(from[0] === 'client' && from[1] === 'db') &&
          !(isTest && packageName === 'fake-indexeddb')
        ) {
          report('Only src/client/db may import dexie.');
        }
        if (
          ['better-sqlite3', 'pg'].includes(packageName) &&
          !(from[0] === 'server' && from[1] === 'db')
        ) {
          report('Only src/server/db may import the database drivers.');
        }
        if (packageName === 'kysely' && from[0] !== 'server') {
          report('Only the server uses kysely.');
        }
        if (from[0] === 'shared' && (packageName.startsWith('node:') || packageName === 'react')) {
          report('src/shared runs on both sides: no Node or React imports.');
        }
        return;
      }
      const to = layerOf(path.resolve(path.dirname(context.filename), source));
      if (!to) return;
      if (!isTest && to[1] === 'testing') {
        report('Test harnesses (src/*/testing) are for tests only.');
      }
      if (from[0] === 'shared' && to[0] !== 'shared') {
        report('src/shared may import only src/shared.');
      }
      if (!isTest && from[0] === 'client' && to[0] === 'server') {
        report('The client never imports server code.');
      }
      if (!isTest && from[0] === 'server' && to[0] === 'client') {
        report('The server never imports client code.');
      }
      if (
        from[0] === 'client' &&
        from[1] === 'features' &&
        to[0] === 'client' &&
        to[1] === 'features' &&
        from[2] !== to[2]
      ) {
        report('Features never import each other; meet in src/client/app.');
      }
      if (from[0] === 'client' && from[1] === 'ui' && (to[1] === 'db' || to[1] === 'sync')) {
        report('src/client/ui is presentational: no data access.');
      }
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: (node) => check({ ...node, source: node.source }),
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dev-dist',
      'data',
      'test-results',
      'playwright-report',
      'bench/out',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { huiju: { rules: { boundaries } } },
    rules: {
      'huiju/boundaries': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.object.name="Math"][callee.property.name="random"]',
          message: 'Use crypto randomness (or the seeded PRNG in seeds/).',
        },
      ],
    },
  },
);
