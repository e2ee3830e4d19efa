import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { secretValuesOfRun } from '../fixtures/secret-values.js';

/** The Playwright configuration `aws-oidc-harness run` drives: scenarios only, with every report. */
const reportDir = process.env.HARNESS_REPORT_DIR ?? 'reports';

export default defineConfig({
  testDir: path.resolve(import.meta.dirname, '../fixtures'),
  testMatch: 'scenarios.spec.ts',
  timeout: 60_000,
  workers: 1,
  outputDir: path.join(reportDir, '.artifacts'),
  reporter: [
    ['list'],
    [path.resolve(import.meta.dirname, '../reporters/harness-reporter.ts'), { reportDir, secretValues: secretValuesOfRun() }],
    ['html', { outputFolder: path.join(reportDir, 'html'), open: 'never' }],
  ],
  projects: [{ name: 'scenarios' }],
});
