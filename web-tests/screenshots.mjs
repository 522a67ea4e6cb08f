// Regenerates docs/screenshots/*.png from the real app: `node screenshots.mjs` (needs a Korean font
// installed for the browser, e.g. Debian's fonts-nanum or fonts-noto-cjk).
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startServer } from './harness.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const DESKTOP = { viewport: { width: 1280, height: 860 } };
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function composeKorean(page, steps) {
  await page.focus('#q');
  const cdp = await page.context().newCDPSession(page);
  for (const text of steps) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  await page.locator('#suggestions [role="option"]').first().waitFor();
}

/** Opens the first result of `q` in its document view, as a click would. */
async function openDocument(page, base, q) {
  await page.goto(base + '/search?q=' + encodeURIComponent(q));
  await Promise.all([page.waitForURL(/\/doc\//), page.locator('ol.results h2 a').first().click()]);
}

const { base, stop } = await startServer();
const browser = await launchBrowser();
try {
  const shots = [
    ['desktop-home.png', DESKTOP, 'light', async (page) => {
      await page.goto(base + '/');
    }],
    ['desktop-document.png', DESKTOP, 'light', async (page) => openDocument(page, base, '교착상태')],
    ['dark-document.png', DESKTOP, 'dark', async (page) => openDocument(page, base, '교착상태')],
    ['phone-document.png', PHONE, 'light', async (page) => openDocument(page, base, '이벤트 루프')],
    ['dark-phone-document.png', PHONE, 'dark', async (page) => openDocument(page, base, '이벤트 루프')],
    ['desktop-results.png', DESKTOP, 'light', async (page) => {
      await page.goto(base + '/search?q=' + encodeURIComponent('검색'));
    }],
    ['desktop-suggestions-korean.png', DESKTOP, 'light', async (page) => {
      await page.goto(base + '/');
      await composeKorean(page, ['ㄱ', '거', '검']);
      await page.keyboard.press('ArrowDown');
    }],
    ['phone-results.png', PHONE, 'light', async (page) => {
      await page.goto(base + '/search?q=' + encodeURIComponent('교착상태'));
    }],
    ['phone-suggestions-korean.png', PHONE, 'light', async (page) => {
      await page.goto(base + '/');
      await composeKorean(page, ['ㅍ', '프', '플', '프로']);
    }],
    ['dark-results.png', DESKTOP, 'dark', async (page) => {
      await page.goto(base + '/search?q=' + encodeURIComponent('검색'));
    }],
    ['dark-suggestions-korean.png', PHONE, 'dark', async (page) => {
      await page.goto(base + '/');
      await composeKorean(page, ['ㄱ', '교']);
    }],
  ];
  for (const [file, device, colorScheme, setup] of shots) {
    const context = await browser.newContext({ ...device, colorScheme, locale: 'ko-KR' });
    const page = await context.newPage();
    await setup(page);
    await page.screenshot({ path: join(out, file) });
    console.log('wrote docs/screenshots/' + file);
    await context.close();
  }
} finally {
  await browser.close();
  await stop();
}
