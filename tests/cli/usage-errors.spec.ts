import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { runCli, tempDir } from './cli-helpers.js';

test.describe('the CLI refuses unusable input with exit 2, a file:path message and no stack trace', () => {
  test('an unknown option', async () => {
    const run = await runCli(['run', '--no-such-option']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--no-such-option');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('a missing scenario file', async () => {
    const run = await runCli(['run', 'does-not-exist.scenario.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('does-not-exist.scenario.yaml');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('a scenario whose expectation is not an AWS error code names the file and the path inside it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.scenario.yaml');
    writeFileSync(
      file,
      [
        'id: bad',
        'title: bad',
        'idp: { profile: gitpod, issuer: https://api.gitpod.io/idp }',
        'aws:',
        '  roles:',
        '    - name: r',
        '      trustPolicy: { Version: "2012-10-17", Statement: [] }',
        'cases:',
        '  - name: c',
        '    token: { claims: { sub: x } }',
        '    assume: { role: r }',
        '    expect: { assume: AccesDenied }',
      ].join('\n'),
    );
    const run = await runCli(['run', file, '--report-dir', path.join(dir, 'reports')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.scenario\.yaml: cases\[0\]\.expect\.assume: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('lint --json on an unusable file exits 2', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'broken.scenario.yaml');
    writeFileSync(file, 'id: [unclosed\n');
    const run = await runCli(['lint', '--json', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/broken\.scenario\.yaml: line \d+/);
  });
});

test.describe('what a CI pipeline sees when a run cannot start', () => {
  test('--target endpoint without an endpoint is a usage error (exit 2), not eleven cases waiting for nothing', async () => {
    const run = await runCli(['run', 'scenarios/gitpod-aws.scenario.yaml', '--target', 'endpoint', '--report-dir', tempDir()], {
      env: { AWS_ENDPOINT_URL: '' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--endpoint');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('unusable input removes the results.json of an earlier run, so CI cannot read a stale verdict', async () => {
    const reportDir = tempDir();
    const results = path.join(reportDir, 'results.json');
    writeFileSync(results, '{"version":1,"cases":[],"summary":{"passed":1,"failed":0,"errors":0}}\n');
    const run = await runCli(['run', 'does-not-exist.scenario.yaml', '--report-dir', reportDir]);
    expect(run.code).toBe(2);
    expect(existsSync(results)).toBe(false);
  });
});
