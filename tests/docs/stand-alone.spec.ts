/**
 * The repository stands alone: no file cites material outside it (the steering folder's reference and contract
 * copies). Only the tests that check our copies against those originals may read them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../cli/cli-helpers.js';

const CHECKS_COPIES = new Set(['tests/docs/contract-copy.spec.ts', 'tests/report/results-json.spec.ts', 'tests/docs/stand-alone.spec.ts']);
const OUTSIDE = /shared\/reference|shared\/contract|\.\.\/shared(\/|['"`])/;

test('no tracked file cites shared/reference, shared/contract or ../shared', () => {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  expect(files.length).toBeGreaterThan(50);
  const citing = files
    .filter((f) => !CHECKS_COPIES.has(f) && /\.(ts|js|mjs|md|ya?ml|json|sh)$|^\.ci\//.test(f))
    .filter((f) => {
      try {
        return OUTSIDE.test(readFileSync(path.join(ROOT, f), 'utf8'));
      } catch {
        return false;
      }
    });
  expect(citing).toEqual([]);
});
