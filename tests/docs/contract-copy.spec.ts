import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const bundled = fileURLToPath(new URL('../../docs/scenario-format.md', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/contract/scenario-format.md', import.meta.url));

test('docs/scenario-format.md is the public contract as the steering folder states it', () => {
  test.skip(!existsSync(shared), 'shared/contract is not checked out beside this repository');
  expect(readFileSync(bundled, 'utf8')).toBe(readFileSync(shared, 'utf8'));
});
