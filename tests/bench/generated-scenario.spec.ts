/** The 1,000-case scenario the bench runs is a valid scenario: the seed's sections, its cases cycled. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { generateScenario, SEED_SCENARIO } from '../../harness/bench/thousand-cases.js';
import { loadScenarioFile } from '../../harness/scenario/load.js';
import { median } from '../../harness/bench/stats.js';
import { tempDir } from '../cli/cli-helpers.js';

test('a generated scenario loads, has the asked number of uniquely named cases and cycles the seed cases', () => {
  const seed = loadScenarioFile(SEED_SCENARIO);
  const file = path.join(tempDir('harness-bench-'), 'gen.scenario.yaml');
  writeFileSync(file, generateScenario(readFileSync(SEED_SCENARIO, 'utf8'), 1000));
  const generated = loadScenarioFile(file);
  expect(generated.cases).toHaveLength(1000);
  expect(new Set(generated.cases.map((c) => c.name)).size).toBe(1000);
  expect(generated.aws).toEqual(seed.aws);
  const n = seed.cases.length;
  expect(generated.cases.map((c) => c.expect.assume).slice(0, 2 * n)).toEqual([...seed.cases, ...seed.cases].map((c) => c.expect.assume));
  expect(new Set(generated.cases.map((c) => c.expect.assume)).size).toBeGreaterThan(1);
});

test('median of odd and even run counts', () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(() => median([])).toThrow(RangeError);
});
