/**
 * `aws-oidc-harness merge-reports DIR...`: the report dirs of `run --shard i/n` -> one set of reports, as one
 * run would have written them. Playwright's own `merge-reports` replays the shards' blob reports through the
 * harness reporter (harness/cli/merge.config.ts).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { EXIT_FAILED, EXIT_OK } from '../exit.js';
import { usageError } from '../options.js';
import { siblingModule } from '../../module-path.js';

const MERGE_CONFIG = siblingModule(import.meta.url, '../merge.config');

export function registerMergeReports(program: Command, setExit: (code: number) => void): void {
  program
    .command('merge-reports')
    .description('merge the report dirs of `run --shard i/n` into one results.json, junit.xml, summary.md and trust matrix')
    .argument('<dirs...>', 'report dirs of the shards (or folders holding their blob/*.zip)')
    .option('--report-dir <dir>', 'where the merged reports are written', 'reports')
    .action(async (dirs: string[], options: { reportDir: string }) => {
      setExit(await mergeReports(dirs, path.resolve(options.reportDir)));
    });
}

export async function mergeReports(dirs: readonly string[], reportDir: string): Promise<number> {
  const blobs = dirs.flatMap(blobReportsIn);
  const staging = mkdtempSync(path.join(tmpdir(), 'aws-oidc-harness-blobs-'));
  try {
    blobs.forEach((blob, i) => {
      const name = path.basename(blob);
      copyFileSync(blob, path.join(staging, existsSync(path.join(staging, name)) ? `${i}-${name}` : name));
    });
    const resultsFile = path.join(reportDir, 'results.json');
    rmSync(resultsFile, { force: true });
    const status = await playwrightMerge(staging, reportDir);
    if (!existsSync(resultsFile)) return EXIT_FAILED;
    const { summary } = JSON.parse(readFileSync(resultsFile, 'utf8')) as { summary: { failed: number; errors: number } };
    return status === 0 && summary.failed + summary.errors === 0 ? EXIT_OK : EXIT_FAILED;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The blob reports a shard wrote: DIR/blob/*.zip (a shard's report dir) or DIR/*.zip. */
function blobReportsIn(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw usageError(`${dir}: not a directory`);
  const zips = [path.join(dir, 'blob'), dir].flatMap((d) =>
    existsSync(d) && statSync(d).isDirectory() ? readdirSync(d).filter((f) => f.endsWith('.zip')).sort().map((f) => path.join(d, f)) : [],
  );
  if (zips.length === 0) throw usageError(`${dir}: no blob report (blob/*.zip); write one per shard with \`run --shard i/n\``);
  return zips;
}

function playwrightMerge(blobDir: string, reportDir: string): Promise<number> {
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'merge-reports', '--config', MERGE_CONFIG, blobDir], {
      env: { ...process.env, HARNESS_REPORT_DIR: reportDir, PW_TEST_HTML_REPORT_OPEN: 'never' },
      stdio: 'inherit',
    });
    child.on('exit', (code) => resolve(code ?? EXIT_FAILED));
  });
}
