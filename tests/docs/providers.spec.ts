/** The README's Providers section links what exists, and docs/profiles.md documents every profile. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { PROFILES } from '../../harness/idp/profiles/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(root + file, 'utf8');

test('the Providers section comes before the others, GitHub Actions first, and every link resolves', () => {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Providers'), readme.indexOf('## Two commands'));
  expect(readme.indexOf('## Providers')).toBeLessThan(readme.indexOf('## Two commands'));
  const links = [...section.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
  expect(links[0]).toBe('docs/profiles.md');
  expect(links.slice(1)).toEqual([
    'scenarios/examples/github-actions-deploy.scenario.yaml',
    'scenarios/examples/gitlab-protected-main.scenario.yaml',
    'scenarios/examples/generic-oidc.scenario.yaml',
  ]);
  for (const link of links) expect(existsSync(root + link), link).toBe(true);
});

test('docs/profiles.md has a section for every profile the harness ships', () => {
  const doc = read('docs/profiles.md');
  for (const name of Object.keys(PROFILES)) expect(doc, name).toContain(`## \`${name}\``);
});
