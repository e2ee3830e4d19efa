/** Runs the real Playwright runner on a tiny inline project with the harness reporter, in a temp dir. */
import { execFile } from 'node:child_process';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPORTER_PATH = fileURLToPath(new URL('../../harness/reporters/harness-reporter.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface InlineProject {
  /** file name -> contents; `playwright.config.ts` included */
  files: Record<string, string>;
  env?: Record<string, string>;
}

/** The nested runner must not think it is a worker of the outer one. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(TEST_|PW_|PLAYWRIGHT_TEST|FORCE_COLOR|HARNESS_|GITHUB_STEP_SUMMARY)/.test(k)));
  return { ...env, CI: '1', NO_COLOR: '1', ...extra };
}

/** A temp dir outside the repository (other runs wipe test-results/) that still resolves the repo's packages. */
export async function makeProjectDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'harness-reporter-'));
  await symlink(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

export async function runInlineProject(dir: string, project: InlineProject): Promise<{ code: number; output: string }> {
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const [name, text] of Object.entries(project.files)) await writeFile(join(dir, name), text);
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['playwright', 'test', '--config', join(dir, 'playwright.config.ts')],
      { cwd: dir, env: cleanEnv(project.env ?? {}), timeout: 90_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, output: `${stdout}\n${stderr}` });
      },
    );
  });
}
