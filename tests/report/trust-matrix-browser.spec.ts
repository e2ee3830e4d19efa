/**
 * trust-matrix.html in a real browser (Debian's Chromium), opened from file://. Set UPDATE_DOCS_SCREENSHOT=1 to
 * also refresh docs/trust-matrix.png for the README.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium, test, expect } from '@playwright/test';
import { toTrustMatrixHtml } from '../../harness/report/trust-matrix-html.js';
import { sampleReport } from './sample-report.js';

const CHROMIUM = '/usr/bin/chromium';
const DOCS_SCREENSHOT = fileURLToPath(new URL('../../docs/trust-matrix.png', import.meta.url));

let browser: Browser;
let dir: string;
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];

test.beforeAll(async () => {
  // In CI (.ci/run installs it) a missing Chromium must fail, not skip.
  test.skip(!existsSync(CHROMIUM) && !process.env.CI, 'Debian Chromium is not installed (apt-get install -y chromium)');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  dir = await mkdtemp(join(tmpdir(), 'trust-matrix-'));
  await writeFile(join(dir, 'trust-matrix.html'), toTrustMatrixHtml(sampleReport()));
});

test.afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test.beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto(pathToFileURL(join(dir, 'trust-matrix.html')).href);
});

test.afterEach(async () => {
  await page.close();
  expect(requests.filter((url) => !url.startsWith('file://')), 'the page must not touch the network').toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('landmarks, language, captions and scoped table headers are in place', async () => {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Report sections' })).toHaveCount(1);
  const grid = page.getByRole('table', { name: /Expected vs observed outcome of assuming each role/ });
  await expect(grid.locator('th[scope=col]')).toHaveText(['Identity', 'gitpod-secrets-reader', 'gitpod-infra-admin']);
  await expect(grid.locator('th[scope=row]')).toHaveCount(7);
  for (const table of await page.locator('table').all()) await expect(table.locator('caption')).toHaveCount(1);
});

test('the grid shows expected vs observed per identity and role, with a word and an icon for the verdict', async () => {
  const grid = page.getByRole('table', { name: /Expected vs observed/ });
  const row = grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /https:\/\/github\.com\/acme-evil\/app/ }) });
  const adminCell = row.getByRole('cell').nth(1);
  await expect(adminCell).toContainText('✗ FAIL');
  await expect(adminCell).toContainText('expected AccessDenied');
  await expect(adminCell).toContainText('observed allowed');
  await expect(row.getByRole('cell').nth(0)).toContainText('no case');
  await expect(page.locator('#failures li').first()).toContainText('a sibling organisation cannot assume the infra admin role');
});

test('the top badge states every reason the run is not clean, and findings read as words', async () => {
  await expect(page.locator('#run-verdict')).toHaveText('✗ FAIL');
  await expect(page.locator('#run-problems')).toHaveText('2 of 8 cases failed · 1 case could not run · 1 lint error · 1 identity admitted by probe');
  const findings = page.locator('#findings');
  await expect(findings.locator('[data-check="probe"]')).toHaveText(/Probe: ran: 1 unexpected identities admitted/);
  const probeTable = findings.getByRole('table', { name: /Probe: identities the roles admitted/ });
  await expect(probeTable.locator('dt', { hasText: 'sub' })).toBeVisible();
  await expect(probeTable).not.toContainText('{"');
});

test('an identity admitted against an expected denial is marked in the Roles table', async () => {
  const role = page.locator('details.role', { hasText: 'gitpod-infra-admin' });
  await expect(role).toHaveAttribute('open', '');
  await expect(role.locator('summary')).toContainText('2 admitted against an expected denial');
  const row = role.locator('tr.unexpected', { hasText: 'https://github.com/acme-evil/app' });
  await expect(row).toBeVisible();
  await expect(row.locator('.tag-unexpected')).toHaveText('✗ admitted, expected denial');
});

test('"show only failures" hides passing cases and rows, and keeps every failure', async () => {
  const visibleCells = page.locator('.grid .cell-case:visible');
  await expect(visibleCells).toHaveCount(8);
  await page.getByLabel('Show only failures').check();
  await expect(visibleCells).toHaveCount(3);
  await expect(page.locator('details.case:visible')).toHaveCount(3);
  await expect(page.locator('.grid tbody tr:visible')).toHaveCount(3);
  await page.getByLabel('Show only failures').uncheck();
  await expect(visibleCells).toHaveCount(8);
});

test('a denied case opens from the grid with the deciding statement and its condition highlighted', async ({}, testInfo) => {
  const detail = page.locator('details.case', { hasText: 'a pull-request workspace is denied' });
  await expect(detail).not.toHaveAttribute('open');
  await page.locator('.cell-case', { hasText: 'a pull-request workspace is denied' }).click();
  await expect(detail).toHaveAttribute('open', '');
  const deciding = detail.locator('.hl-deciding');
  await expect(deciding).toHaveCount(1);
  await expect(deciding).toHaveAttribute('data-path', 'Statement[1]');
  await expect(deciding.locator('> .j-mark')).toHaveText('▶ deciding statement (Deny)');
  await expect(deciding).toBeVisible();
  expect(await deciding.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  await expect(detail.locator('.hl-cond-ok')).toContainText('api.gitpod.io/idp:sub');
  // the deciding pattern, not the whole list, is marked, visibly and in words
  const pattern = detail.locator('.hl-pattern');
  await expect(pattern).toHaveCount(1);
  await expect(pattern).toBeVisible();
  await expect(pattern).toContainText('"https://github.com/acme/*/pull/*"');
  await expect(pattern.locator('> .j-mark')).toHaveText('◀ "https://github.com/acme/app/pull/7" matched this');
  await expect(detail.locator('mark.decided', { hasText: 'https://github.com/acme/*/pull/*' })).toBeVisible();
  await expect(detail).toContainText('Not authorized to perform sts:AssumeRoleWithWebIdentity');
  await expect(detail).toContainText('Signature elided');
  await expect(detail.getByRole('table', { name: 'Condition checks of the marked statements' })).toContainText('✓ held');
  await testInfo.attach('denied case detail', { body: await detail.screenshot(), contentType: 'image/png' });
});

test('verdict colours meet WCAG AA contrast (>= 4.5:1) against their own background', async () => {
  const ratios = await page.evaluate(() => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    return ['.verdict-passed', '.verdict-failed', '.verdict-error', '.eo.differs', '.severity-error'].map((selector) => {
      const el = document.querySelector(selector)!;
      let bgEl: Element | null = el;
      while (bgEl && getComputedStyle(bgEl).backgroundColor === 'rgba(0, 0, 0, 0)') bgEl = bgEl.parentElement;
      const bg = bgEl ? getComputedStyle(bgEl).backgroundColor : 'rgb(255, 255, 255)';
      return { selector, ratio: contrast(getComputedStyle(el).color, bg) };
    });
  });
  for (const { selector, ratio } of ratios) expect(ratio, selector).toBeGreaterThanOrEqual(4.5);
});

test('screenshot of the report for reviewers and the README', async ({}, testInfo) => {
  await page.locator('.cell-case', { hasText: "another organisation's workspace is denied" }).click();
  const shot = await page.screenshot({ fullPage: false });
  await testInfo.attach('trust-matrix.png', { body: shot, contentType: 'image/png' });
  if (process.env.UPDATE_DOCS_SCREENSHOT) {
    await page.goto(page.url().replace(/#.*$/, ''));
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.screenshot({ path: DOCS_SCREENSHOT });
  }
});
