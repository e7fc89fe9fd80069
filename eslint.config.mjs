import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const serverOnly = {
  patterns: [{ group: ['@/lib/server/*', '**/lib/server/*'], message: 'UI code talks to the server through lib/client (fetch), never lib/server.' }],
};

const config = tseslint.config(
  { ignores: ['lib/generated/**', '.next/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...tseslint.configs.recommended,
  {
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs['core-web-vitals'].rules, ...reactHooks.configs.recommended.rules },
  },
  // Imports go one way: app → lib/server → lib/ml. UI code never reaches lib/server.
  { files: ['components/**', 'lib/client/**'], rules: { 'no-restricted-imports': ['error', serverOnly] } },
  {
    files: ['lib/ml/**', 'lib/demo/**', 'lib/schemas/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@/lib/server/*', '**/lib/server/*', 'next', 'next/*', 'react', '@prisma/*', 'fs', 'node:fs', 'pg'], message: 'lib/ml, lib/demo and lib/schemas stay pure.' }],
      }],
    },
  },
  { files: ['lib/server/**'], rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/*', '@/components/*'], message: 'lib/server must not depend on the app or the UI.' }] }] } },
  { rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] } },
);

export default config;
