import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { secretValuesOfRun } from '../fixtures/secret-values.js';
import { siblingModule } from '../module-path.js';

/**
 * The Playwright configuration `aws-oidc-harness merge-reports` hands to `playwright merge-reports`: the same
 * harness reporter and HTML report as harness/cli/run.config.ts, fed by the shards' blob reports.
 */
const reportDir = process.env.HARNESS_REPORT_DIR ?? 'reports';

export default defineConfig({
  // The shards' test paths are relative to this folder, as in run.config.ts.
  testDir: path.resolve(import.meta.dirname, '../fixtures'),
  reporter: [
    [
      siblingModule(import.meta.url, '../reporters/harness-reporter'),
      {
        reportDir,
        // The shards recorded their scenario paths (relative to their checkout) in the blob's metadata.
        secretValuesOf: (scenarioPaths: string[]) => secretValuesOfRun({ HARNESS_SCENARIOS: JSON.stringify(scenarioPaths.map((p) => path.resolve(p))) }),
      },
    ],
    ['html', { outputFolder: path.join(reportDir, 'html'), open: 'never' }],
  ],
});
