import tseslint from 'typescript-eslint';

// Lint: TypeScript recommended rules plus the project's boundaries (pure core, one IPC contract).
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', 'out/**', '**/*.cjs', 'bin/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: '只能在 IPC 契约模块（electron/main/ipc-main.ts、electron/preload/）中使用 ipcMain / ipcRenderer。' },
          ],
        },
      ],
    },
  },
  {
    // The pure core: no disk, no Electron, no React, no Node built-ins.
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: '核心模块必须是纯函数：不得使用 Node 内置模块。' })),
            ...['electron', 'react', 'react-dom', 'lowdb'].map((name) => ({ name, message: '核心模块不得依赖 Electron、React 或存储。' })),
          ],
          patterns: [
            { group: ['node:*', 'lowdb/*'], message: '核心模块必须是纯函数：不得使用 Node 内置模块或存储。' },
            { group: ['**/services/**', '**/main/**', '**/web/**'], message: '核心模块不得依赖外层适配器。' },
          ],
        },
      ],
    },
  },
  {
    // The renderer talks to the main side only through renderer/src/api.ts.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, 'electron', 'lowdb'].map((name) => ({ name, message: '渲染进程只能通过 api.ts 访问主进程。' })),
          patterns: [{ group: ['node:*', '**/electron/services/**', '**/electron/main/**', '**/electron/web/**'], message: '渲染进程只能通过 api.ts 访问主进程。' }],
        },
      ],
    },
  },
  {
    files: ['electron/main/ipc-main.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
