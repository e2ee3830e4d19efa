import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { secretValuesOfRun } from '../fixtures/secret-values.js';
import { moduleExtension, siblingModule } from '../module-path.js';

/** The Playwright configuration `aws-oidc-harness run` drives: scenarios only, with every report. */
const reportDir = process.env.HARNESS_REPORT_DIR ?? 'reports';

export default defineConfig({
  testDir: path.resolve(import.meta.dirname, '../fixtures'),
  // compiled (dist/, as the CLI runs it) the spec is scenarios.spec.js
  testMatch: `scenarios.spec${moduleExtension(import.meta.url)}`,
  timeout: 60_000,
  workers: 1,
  outputDir: path.join(reportDir, '.artifacts'),
  reporter: [
    [siblingModule(import.meta.url, '../reporters/case-lines'), { secretValues: secretValuesOfRun() }],
    [siblingModule(import.meta.url, '../reporters/harness-reporter'), { reportDir, secretValues: secretValuesOfRun() }],
    ['html', { outputFolder: path.join(reportDir, 'html'), open: 'never' }],
  ],
  projects: [{ name: 'scenarios' }],
});
