/**
 * The README's shell blocks as written. Each ```sh block carries a marker comment right above it:
 * `<!-- readme-test: run ... -->` blocks are run here with bash, from the project folder, by a user without AWS
 * settings of their own; `<!-- readme-test: not run ... -->` says why not. A block without a marker fails, so a new
 * block is either run or says why it is not. Blocks are read from README.md at test time.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { ROOT } from '../cli/cli-helpers.js';
import { isolatedAws } from '../clients/aws-env.js';
import { commandOf, descendantsOf, stillRunningAfter } from '../clients/processes.js';
import { warmNpx } from '../clients/npx.js';

interface Block {
  line: number;
  marker: 'run' | 'not run' | undefined;
  body: string;
}

function shellBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(sh|bash|shell)\s*$/.test(lines[i]!)) continue;
    const end = lines.indexOf('```', i + 1);
    const above = lines[i - 1] ?? '';
    const marker = /^<!-- readme-test: (run|not run)\b/.exec(above)?.[1] as Block['marker'];
    blocks.push({ line: i + 1, marker, body: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const blocks = shellBlocks(README);

test('every shell block of the README says whether it is run by this test, and at least one is', () => {
  expect(blocks.filter((b) => b.marker === undefined).map((b) => `README.md:${b.line}`)).toEqual([]);
  expect(blocks.filter((b) => b.marker === 'run').length).toBeGreaterThan(0);
});

test.describe('README blocks run as written', () => {
  test.describe.configure({ timeout: 420_000 });
  test.beforeAll(async () => {
    await warmNpx();
  });

  for (const block of blocks.filter((b) => b.marker === 'run')) {
    test(`README.md:${block.line}`, async () => {
      const { env } = isolatedAws();
      const child = spawn('bash', ['-e', '-c', block.body], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      // secret values are what the block prints on stdout: kept out of the failure message
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.stdout.resume();
      const seen = new Map<number, string>();
      const watch = setInterval(() => {
        for (const pid of descendantsOf(child.pid!)) if (!seen.has(pid)) seen.set(pid, commandOf(pid));
      }, 200);
      const timer = setTimeout(() => child.kill('SIGKILL'), 400_000);
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      clearInterval(watch);
      clearTimeout(timer);
      expect(code, stderr).toBe(0);
      // whatever the block started in the background is gone once it ends, and so is up's env file
      expect(await stillRunningAfter([...seen.keys()], 30_000)).toEqual([]);
      expect(existsSync(path.join(ROOT, '.harness/env'))).toBe(false);
    });
  }
});
