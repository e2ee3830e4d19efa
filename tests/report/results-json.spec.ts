import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { buildRunReport } from '../../harness/report/build-run-report.js';
import { toResultsJson } from '../../harness/report/results-json.js';
import { sampleReport } from './sample-report.js';

const bundledSchemaPath = fileURLToPath(new URL('../../harness/report/results.schema.json', import.meta.url));
const sharedSchemaPath = fileURLToPath(new URL('../../../shared/contract/results.schema.json', import.meta.url));

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(readFileSync(bundledSchemaPath, 'utf8')));
}

test('results.json of a run with passes, failures and an error satisfies the contract schema', () => {
  const validate = validator();
  const json = JSON.parse(toResultsJson(sampleReport()));
  expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  expect(json.summary).toEqual({ passed: 5, failed: 2, errors: 1 });
  expect(json.target).toEqual({ kind: 'moto', enforcement: 'harness', label: 'moto 5.1.4 behind the harness gate' });
  for (const c of json.cases) expect(c.observed).toHaveProperty('message');
});

test('results.json of a run that aborted before any case satisfies the contract schema', () => {
  const validate = validator();
  const json = JSON.parse(toResultsJson(buildRunReport({ target: { kind: 'localstack', enforcement: 'target' } }, [])));
  expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  expect(json).toMatchObject({ version: 1, cases: [], summary: { passed: 0, failed: 0, errors: 0 } });
});

test('the schema check rejects a results.json that breaks the contract', () => {
  const validate = validator();
  const json = JSON.parse(toResultsJson(sampleReport()));
  json.cases[0].status = 'flaky';
  delete json.summary.errors;
  expect(validate(json)).toBe(false);
});

test('the bundled schema copy equals the shared contract schema', () => {
  test.skip(!existsSync(sharedSchemaPath), 'shared/contract is not checked out beside this repository');
  expect(JSON.parse(readFileSync(bundledSchemaPath, 'utf8'))).toEqual(JSON.parse(readFileSync(sharedSchemaPath, 'utf8')));
});

test('results.json says which scenarios lint and probe ran on, so "probe not run" can be told from "no findings"', () => {
  const validate = validator();
  const report = buildRunReport({ target: { kind: 'moto', enforcement: 'harness' } }, [], [
    { checked: { lint: ['a'] } },
    { checked: { lint: ['b'], probe: ['b'] } },
  ]);
  const json = JSON.parse(toResultsJson(report));
  expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  expect(json.checked).toEqual({ lint: ['a', 'b'], probe: ['b'] });
});

test('a case trace in results.json names the request value and the pattern that decided each condition', () => {
  const json = JSON.parse(toResultsJson(sampleReport()));
  const pr = json.cases.find((c: { case: string }) => c.case === 'a pull-request workspace is denied');
  const condition = pr.details.trust.deciding.conditions[0];
  expect(condition.decidedBy).toEqual([{ value: 'https://github.com/acme/app/pull/7', pattern: 'https://github.com/acme/*/pull/*', index: 1 }]);
});
