import { existsSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser } from 'fast-xml-parser';
import * as canary from './canaries.js';
import { REPORTER_PATH, makeProjectDir, runInlineProject } from './reporter-run.js';
import { adminRole, readerRole, sampleCases, sampleFindings } from './sample-report.js';

const schema = JSON.parse(await readFile(new URL('../../harness/report/results.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ strict: false }).compile(schema);
const projectDirs: string[] = [];
test.afterEach(async () => {
  for (const dir of projectDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function projectDir(): Promise<string> {
  const dir = await makeProjectDir();
  projectDirs.push(dir);
  return dir;
}

function config(extra = '') {
  return `import { defineConfig } from '@playwright/test';
export default defineConfig({
  reporter: [[${JSON.stringify(REPORTER_PATH)}, { reportDir: 'out', secretValues: [${JSON.stringify(canary.CANARY_SECRET_VALUE)}] }]],
  workers: 1,
  projects: [{ name: 'scenarios', testMatch: 'scenarios.spec.ts' }, { name: 'unit', testMatch: 'unit.spec.ts' }],
  ${extra}
});
`;
}

const [trusted, , , , , sibling] = sampleCases();
// Canaries planted where careless producers might put them: claims, messages, explanations, thrown errors.
const passing = {
  ...trusted,
  explanation: [...trusted!.explanation, `raw token ${canary.CANARY_JWT}`, `credentials ${canary.CANARY_SESSION_KEY} ${canary.CANARY_SECRET_ACCESS_KEY}`],
  details: { ...trusted!.details, token: { header: { alg: 'RS256' }, claims: { sub: 'https://github.com/acme/app', leaked: canary.CANARY_SECRET_VALUE } } },
};
const failing = { ...sibling, observed: { ...sibling!.observed, message: `secret was ${canary.CANARY_SECRET_VALUE}` } };
const runInfo = { roles: [readerRole, adminRole], findings: sampleFindings, target: { label: 'moto 5.1.4 (inline test)' } };

const SCENARIOS = `import { test, expect } from '@playwright/test';
const attach = (name, body) => test.info().attach(name, { contentType: 'application/json', body: JSON.stringify(body) });
test.describe('gitpod-seed', () => {
  test(${JSON.stringify(trusted!.case)}, async () => {
    await attach('harness-run-info', ${JSON.stringify(runInfo)});
    await attach('harness-case', ${JSON.stringify(passing)});
  });
  test(${JSON.stringify(sibling!.case)}, async () => {
    await attach('harness-case', ${JSON.stringify(failing)});
    expect('allowed', 'assume outcome').toBe('AccessDenied');
  });
  test('provisioning breaks before the case runs', async () => {
    throw new Error('provisioning failed for token ${canary.CANARY_JWT} as ${canary.CANARY_ACCESS_KEY}');
  });
});
`;
const UNIT = `import { test } from '@playwright/test';
test('a unit test with a stray attachment', async () => {
  await test.info().attach('harness-case', { contentType: 'application/json', body: ${JSON.stringify(JSON.stringify(sibling))} });
  throw new Error('unit failure');
});
`;

test('the real runner with the harness reporter writes all four reports, failures included, secrets excluded', async () => {
  const dir = await projectDir();
  const stepSummary = join(dir, 'step-summary.md');
  await writeFile(stepSummary, 'earlier step\n');
  const run = await runInlineProject(dir, {
    files: { 'playwright.config.ts': config(), 'scenarios.spec.ts': SCENARIOS, 'unit.spec.ts': UNIT },
    env: { HARNESS_TARGET_KIND: 'localstack', HARNESS_ENFORCEMENT: 'harness', GITHUB_STEP_SUMMARY: stepSummary },
  });
  expect(run.code, run.output).toBe(1);
  const out = join(dir, 'out');
  expect((await readdir(out)).sort()).toEqual(['junit.xml', 'results.json', 'summary.md', 'trust-matrix.html']);

  const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
  expect(validate(results), JSON.stringify(validate.errors)).toBe(true);
  expect(results.target).toEqual({ kind: 'localstack', enforcement: 'harness', label: 'moto 5.1.4 (inline test)' });
  expect(results.harnessVersion).toBe(JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')).version);
  expect(results.summary).toEqual({ passed: 1, failed: 1, errors: 1 });
  expect(results.cases.map((c: { case: string; status: string }) => [c.case, c.status])).toEqual([
    [trusted!.case, 'passed'],
    [sibling!.case, 'failed'],
    ['provisioning breaks before the case runs', 'error'],
  ]);
  expect(results.cases[2]).toMatchObject({ scenario: 'gitpod-seed', observed: { assume: null } });
  expect(results.cases[2].observed.message).toContain('provisioning failed for token [redacted: token]');
  expect(results.roles.map((r: { role: string }) => r.role)).toEqual([readerRole.role, adminRole.role]);
  expect(results.findings).toHaveLength(2);

  const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(await readFile(join(out, 'junit.xml'), 'utf8'));
  expect(junit.testsuites).toMatchObject({ tests: '3', failures: '1', errors: '1' });

  const summary = await readFile(join(out, 'summary.md'), 'utf8');
  expect(summary).toContain('**1 passed, 1 failed, 1 errors**');
  expect(await readFile(stepSummary, 'utf8')).toBe(`earlier step\n${summary}\n`);

  const html = await readFile(join(out, 'trust-matrix.html'), 'utf8');
  expect(html).toContain('<code>gitpod-infra-admin</code>');
  expect(html).toContain('provisioning breaks before the case runs');

  for (const file of [...(await readdir(out)).map((f) => join(out, f)), stepSummary]) {
    const text = await readFile(file, 'utf8');
    for (const value of canary.ALL_CANARIES) expect(text, `${file} leaks a canary`).not.toContain(value);
  }
});

test('a run that aborts after loading still writes a valid results.json with zero cases', async () => {
  const dir = await projectDir();
  const run = await runInlineProject(dir, {
    files: {
      'playwright.config.ts': config(`globalSetup: './global-setup.ts',`),
      'global-setup.ts': `export default async () => { throw new Error('backend did not start'); };\n`,
      'scenarios.spec.ts': SCENARIOS,
    },
  });
  expect(run.code, run.output).not.toBe(0);
  const results = JSON.parse(await readFile(join(dir, 'out', 'results.json'), 'utf8'));
  expect(validate(results), JSON.stringify(validate.errors)).toBe(true);
  expect(results).toMatchObject({ cases: [], summary: { passed: 0, failed: 0, errors: 0 }, target: { kind: 'moto', enforcement: 'harness' } });
});

test('a run of only non-scenario tests leaves the report dir alone', async () => {
  const dir = await projectDir();
  const run = await runInlineProject(dir, {
    files: { 'playwright.config.ts': config(), 'unit.spec.ts': UNIT.replace("throw new Error('unit failure');", '') },
  });
  expect(run.code, run.output).toBe(0);
  expect(existsSync(join(dir, 'out'))).toBe(false);
});

test('the harness-target attachment sets the target of the report', async () => {
  const dir = await projectDir();
  const spec = `import { test } from '@playwright/test';
test.describe('gitpod-seed', () => {
  test(${JSON.stringify(trusted!.case)}, async () => {
    await test.info().attach('harness-target', { contentType: 'application/json', body: '{"kind":"endpoint","label":"http://127.0.0.1:4566","enforcement":"off"}' });
    await test.info().attach('harness-case', { contentType: 'application/json', body: ${JSON.stringify(JSON.stringify(trusted))} });
  });
});
`;
  const run = await runInlineProject(dir, { files: { 'playwright.config.ts': config(), 'scenarios.spec.ts': spec } });
  expect(run.code, run.output).toBe(0);
  const results = JSON.parse(await readFile(join(dir, 'out', 'results.json'), 'utf8'));
  expect(results.target).toEqual({ kind: 'endpoint', enforcement: 'off', label: 'http://127.0.0.1:4566' });
  expect(results.summary).toEqual({ passed: 1, failed: 0, errors: 0 });
});
