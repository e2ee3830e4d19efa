import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, runCli, tempDir } from './cli-helpers.js';

/** The shipped seed example, copied, with `StringEquals` typed as `StringEqual` in its trust policy file. */
function seedWithOperatorTypo(): { dir: string; file: string } {
  const dir = tempDir();
  cpSync(path.join(ROOT, 'scenarios/seed-example.scenario.yaml'), path.join(dir, 'seed.scenario.yaml'));
  cpSync(path.join(ROOT, 'scenarios/seed-example'), path.join(dir, 'seed-example'), { recursive: true });
  const trust = path.join(dir, 'seed-example/trust-policy.json');
  const text = readFileSync(trust, 'utf8');
  expect(text).toContain('"StringEquals"');
  writeFileSync(trust, text.replace('"StringEquals"', '"StringEqual"'));
  return { dir, file: path.join(dir, 'seed.scenario.yaml') };
}

const TYPO_LINE = /seed\.scenario\.yaml: aws\.roles\[0\]\.trustPolicy\.Statement\[0\]\.Condition\.StringEqual: .*did you mean "StringEquals"\?/;

test.describe('an operator typo is unusable input: exit 2 with file, path and suggestion before any backend starts', () => {
  test('run', async () => {
    const { dir, file } = seedWithOperatorTypo();
    const reports = path.join(dir, 'reports');
    const run = await runCli(['run', file, '--target', 'moto', '--report-dir', reports], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(TYPO_LINE);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout + run.stderr).not.toContain('MalformedPolicyDocumentException');
    // the report directory is created only once the scenarios are usable: nothing started
    expect(existsSync(reports)).toBe(false);
  });

  test('lint and probe refuse the same file the same way', async () => {
    const { dir, file } = seedWithOperatorTypo();
    for (const command of ['lint', 'probe']) {
      const run = await runCli([command, file], { cwd: dir });
      expect(run.code, command).toBe(2);
      expect(run.stderr, command).toMatch(TYPO_LINE);
    }
  });
});
