// The extension-host suite under @vscode/test-electron, for a laptop with a display and internet (it downloads
// VS Code 1.100.3 into .vscode-test/). CI and `npm test` use code-server instead (test/editor/runEditorTests.mjs);
// the suite itself (out/test/editorHost) is the same.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { fileURLToPath } from 'url';

const repo = resolve(fileURLToPath(import.meta.url), '../../..');
const workspace = join(mkdtempSync(join(tmpdir(), 'mlproject-electron-')), 'genre-tagger');
cpSync(join(repo, 'examples/genre-tagger'), workspace, { recursive: true });

try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(repo, 'out/test/editorHost/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error('editor host tests failed:', e.message);
  process.exit(1);
}
