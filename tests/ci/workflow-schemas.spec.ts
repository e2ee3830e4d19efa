/** Every CI file users copy (and the project's own nightly workflow) is valid against its published schema. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../cli/cli-helpers.js';
import { schemaErrors, type SchemaName } from './schemas.js';

const FILES: Array<[string, SchemaName]> = [
  ['examples/github-actions/aws-oidc-harness.yml', 'githubWorkflow'],
  ['.github/workflows/nightly.yml', 'githubWorkflow'],
  ['examples/gitlab/.gitlab-ci.yml', 'gitlabCi'],
  ['examples/gitpod/.gitpod.yml', 'gitpod'],
];

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

for (const [file, schema] of FILES) {
  test(`${file} is valid against the ${schema} schema`, () => {
    expect(schemaErrors(schema, read(file))).toEqual([]);
  });
}

test('the schemas reject what a typo makes of these files, so the checks above can fail', () => {
  const github = read('examples/github-actions/aws-oidc-harness.yml');
  expect(schemaErrors('githubWorkflow', github.replace('runs-on: ubuntu-latest', 'run-on: ubuntu-latest'))).not.toEqual([]);
  expect(schemaErrors('githubWorkflow', github.replace("cron: '17 3 * * *'", 'cron: 17'))).not.toEqual([]);
  expect(schemaErrors('gitlabCi', read('examples/gitlab/.gitlab-ci.yml').replace('junit:', 'junits:'))).not.toEqual([]);
  expect(schemaErrors('gitpod', read('examples/gitpod/.gitpod.yml').replace('init:', 'inits:'))).not.toEqual([]);
});
