import path from 'node:path';
import { defineConfig, type ReporterDescription } from '@playwright/test';
import { secretValuesOfRun } from '../fixtures/secret-values.js';
import { runMetadataFromEnv } from '../reporters/run-metadata.js';
import { moduleExtension, siblingModule } from '../module-path.js';

/** The Playwright configuration `aws-oidc-harness run` drives: scenarios only, with every report. */
const reportDir = process.env.HARNESS_REPORT_DIR ?? 'reports';
/** `run --shard i/n` also writes Playwright's blob report, which `aws-oidc-harness merge-reports` merges. */
const blob: ReporterDescription[] = process.env.HARNESS_SHARD ? [['blob', { outputDir: path.join(reportDir, 'blob') }]] : [];

export default defineConfig({
  testDir: path.resolve(import.meta.dirname, '../fixtures'),
  // compiled (dist/, as the CLI runs it) the spec is scenarios.spec.js
  testMatch: `scenarios.spec${moduleExtension(import.meta.url)}`,
  timeout: 60_000,
  workers: 1,
  // Every case its own test group, so that `--shard` splits cases rather than handing the one spec file to one shard.
  fullyParallel: true,
  // Travels inside the blob report: what the merged reports need to know about the run besides its tests.
  metadata: runMetadataFromEnv(),
  outputDir: path.join(reportDir, '.artifacts'),
  reporter: [
    [siblingModule(import.meta.url, '../reporters/case-lines'), { secretValues: secretValuesOfRun() }],
    [siblingModule(import.meta.url, '../reporters/harness-reporter'), { reportDir, secretValues: secretValuesOfRun() }],
    ['html', { outputFolder: path.join(reportDir, 'html'), open: 'never' }],
    ...blob,
  ],
  projects: [{ name: 'scenarios' }],
});
