// chatda's search page in a real browser. Starts the app on a random port with the demo corpus and a
// hostile page, runs every case in a fresh browser context, prints one line per case, exits 1 on any
// failure. `node run.mjs [name-substring…]` runs only the matching cases.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { HOSTILE_TITLE, launchBrowser, startServer } from './harness.mjs';

const cases = [];
const test = (name, fn, options = {}) => cases.push({ name, fn, ...options });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now (injected through DevTools, so the page's CSP allows it). */
async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const { passes, violations } = await page.evaluate(async () => {
    const r = await window.axe.run(document);
    return { passes: r.passes.length, violations: r.violations
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`) };
  });
  assert.ok(passes > 10, `axe checked only ${passes} rules`);
  return violations;
}

/** Whether the element is inside the viewport. */
async function inViewport(locator) {
  return locator.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });
}

const LIST = '#suggestions';
const OPTION = '#suggestions [role="option"]';

async function optionTexts(page) {
  return page.locator(OPTION + ' .text').allTextContents();
}

/** Waits until some option's text contains `needle`; fails with what the list showed instead. */
async function expectSuggestion(page, needle, timeout = 3000) {
  try {
    await page.locator(OPTION, { hasText: needle }).first().waitFor({ state: 'visible', timeout });
  } catch (e) {
    const shown = await optionTexts(page);
    assert.fail(`no suggestion containing ${JSON.stringify(needle)} for input ${JSON.stringify(
      await page.inputValue('#q'))}; the list showed ${JSON.stringify(shown)}`);
  }
}

async function expectClosed(page) {
  await page.locator('#suggest-panel').waitFor({ state: 'hidden', timeout: 3000 });
  assert.equal(await page.getAttribute('#q', 'aria-expanded'), 'false');
}

async function noHorizontalScroll(page, what) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${what}: page is ${scrollWidth} px wide in a ${innerWidth} px viewport`);
}

// ---- the search box

test('the box is an ARIA combobox that controls a listbox', async ({ page, base }) => {
  await page.goto(base + '/');
  const q = page.locator('#q');
  assert.equal(await q.getAttribute('role'), 'combobox');
  assert.equal(await q.getAttribute('aria-autocomplete'), 'list');
  assert.equal(await q.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getAttribute('#' + (await q.getAttribute('aria-controls')), 'role'), 'listbox');
  await q.pressSequentially('검', { delay: 30 });
  await expectSuggestion(page, '검색');
  assert.equal(await q.getAttribute('aria-expanded'), 'true');
  assert.match(await page.textContent('#suggest-status'), /검색어 제안 \d+개/);
  // the matched part is bold and each option says what kind it is
  const first = page.locator(OPTION).first();
  assert.equal(await first.locator('.text b').first().textContent(), '검');
  assert.ok(['문서', '섹션', '주제', '검색어', '단어', '구절'].includes(await first.locator('.kind').textContent()));
});

test('typing rjator (검색 on an English keyboard) shows 검색 suggestions', async ({ page, base }) => {
  await page.goto(base + '/');
  await page.locator('#q').pressSequentially('rjator', { delay: 40 });
  await expectSuggestion(page, '검색');
}, { needs: 'the Korean-aware suggest engine (keyboard-layout matching)' });

test('suggestions follow IME composition while it is still composing (검)', async ({ page, base }) => {
  await page.goto(base + '/');
  await page.focus('#q');
  const cdp = await page.context().newCDPSession(page);
  for (const text of ['ㄱ', '거', '검']) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  assert.equal(await page.inputValue('#q'), '검');
  await expectSuggestion(page, '검색');
});

test('composing 검색 through the IME shows 검색 suggestions from 검ㅅ on', async ({ page, base }) => {
  await page.goto(base + '/');
  await page.focus('#q');
  const cdp = await page.context().newCDPSession(page);
  for (const text of ['ㄱ', '거', '검', '검ㅅ', '검새', '검색']) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    assert.equal(await page.inputValue('#q'), text);
    if (['검ㅅ', '검새', '검색'].includes(text)) await expectSuggestion(page, '검색');
  }
  await cdp.send('Input.insertText', { text: '검색' });
  assert.equal(await page.inputValue('#q'), '검색');
  await expectSuggestion(page, '검색');
}, { needs: 'the Korean-aware suggest engine (incomplete syllables such as 검ㅅ and 검새)' });

/** The bold parts of each option, and the parts the API's spans mark for the same input. */
async function boldAndSpans(page, typed) {
  const bold = await page.locator(OPTION).evaluateAll((lis) => lis.map((li) =>
    [...li.querySelectorAll('.text b')].map((b) => b.textContent)));
  const api = await page.evaluate(async (q) => {
    const res = await fetch('/api/suggest?q=' + encodeURIComponent(q) + '&limit=8');
    return (await res.json()).suggestions.map((s) => s.spans.map(([a, b]) => s.text.slice(a, b)));
  }, typed);
  return { bold, api };
}

for (const [typed, expected, how] of [['검ㅅ', '검색', 'a partial syllable'], ['ㄱㅅㅇㅈ', '검색엔진', 'initials'],
  ['rjator', '검색', 'the English keyboard layout'], ['검삭', '검색', 'a typo']]) {
  test(`${how} (${typed}) is bold where the engine's spans say it matched`, async ({ page, base }) => {
    await page.goto(base + '/');
    await page.locator('#q').pressSequentially(typed, { delay: 40 });
    await expectSuggestion(page, expected);
    // the list may still be that of a shorter prefix for a moment: wait for the full input's answer
    let seen = await boldAndSpans(page, typed);
    for (let i = 0; i < 30 && JSON.stringify(seen.bold) !== JSON.stringify(seen.api); i++) {
      await sleep(100);
      seen = await boldAndSpans(page, typed);
    }
    const { bold, api } = seen;
    assert.deepEqual(bold, api);
    assert.ok(bold[0].length > 0 && bold[0].join('').length > 0, `the first option of ${typed} shows bold: ${JSON.stringify(bold)}`);
    if (typed !== '검ㅅ' && typed !== '검삭') {
      assert.ok(!(await optionTexts(page))[0].toLowerCase().includes(typed), 'not a literal match');
    }
  });
}

test('bold does not flicker and the list stays open while 검색 is composed', async ({ page, base }) => {
  await page.goto(base + '/');
  await page.focus('#q');
  await page.evaluate(() => {
    window.renders = [];
    const list = document.getElementById('suggestions');
    const panel = document.getElementById('suggest-panel');
    new MutationObserver(() => {
      const first = list.querySelector('[role="option"]');
      window.renders.push({ hidden: panel.hidden, bold: first ? first.querySelectorAll('b').length : -1 });
    }).observe(list, { childList: true });
  });
  const cdp = await page.context().newCDPSession(page);
  for (const text of ['ㄱ', '거', '검', '검ㅅ', '검새', '검색']) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await sleep(250);
  }
  await expectSuggestion(page, '검색');
  const renders = await page.evaluate(() => window.renders);
  const shown = renders.slice(renders.findIndex((r) => r.bold > 0));
  assert.ok(shown.length >= 3, `renders while composing: ${JSON.stringify(renders)}`);
  assert.ok(shown.every((r) => !r.hidden && r.bold > 0), `a render lost its bold or closed: ${JSON.stringify(renders)}`);
});

test('a word only in page bodies and the next word of a phrase complete', async ({ page, base }) => {
  await page.goto(base + '/');
  await page.locator('#q').pressSequentially('백트', { delay: 40 });
  await expectSuggestion(page, '백트래킹');
  await page.fill('#q', '');
  await page.locator('#q').pressSequentially('thread po', { delay: 30 });
  await expectSuggestion(page, 'thread pool');
});

test('a document suggestion carries its URL and opens the document; a word searches', async ({ page, base }) => {
  const real = await page.request.get(base + '/api/suggest?q=' + encodeURIComponent('교착상태'));
  const titles = (await real.json()).suggestions.filter((s) => s.kind === 'title');
  assert.ok(titles.some((s) => s.url.endsWith('deadlock.md')), JSON.stringify(titles));
  // a demo document is an imported file: its suggestion opens the document view
  await page.goto(base + '/');
  await page.locator('#q').pressSequentially('교착상태', { delay: 30 });
  await expectSuggestion(page, '교착상태 (Deadlock)');
  const deadlock = page.locator(OPTION).filter({ hasText: '교착상태 (Deadlock)' }).first();
  assert.equal(await deadlock.locator('.kind').textContent(), '문서');
  await Promise.all([page.waitForURL(/\/doc\//), deadlock.click()]);
  assert.ok((await page.locator('main').textContent()).includes('교착상태'), 'the document view shows the page');
  // a web address opens as it is
  await page.route((url) => url.pathname === '/api/suggest', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ query: '교착', suggestions: [
      { text: '교착상태 (Deadlock)', kind: 'title', url: base + '/elsewhere/deadlock', match: 'prefix', spans: [[0, 2]] },
      { text: '교착상태 예방', kind: 'phrase', url: '', match: 'prefix', spans: [[0, 2]] }] }) }));
  await page.route(base + '/elsewhere/deadlock', (route) => route.fulfill({ contentType: 'text/html',
    body: '<!doctype html><title>deadlock</title><p>the document</p>' }));
  await page.goto(base + '/');
  await page.locator('#q').pressSequentially('교착', { delay: 30 });
  await expectSuggestion(page, '교착상태 (Deadlock)');
  // the navigation is what this checks: 'commit' does not wait for the stub page's load event
  await Promise.all([page.waitForURL(base + '/elsewhere/deadlock', { waitUntil: 'commit' }),
    page.locator(OPTION).first().click()]);
  await page.goto(base + '/');
  await page.locator('#q').pressSequentially('교착', { delay: 30 });
  await expectSuggestion(page, '교착상태 예방');
  await Promise.all([page.waitForURL(/\/search\?/),
    page.locator(OPTION).filter({ hasText: '교착상태 예방' }).first().click()]);
  assert.equal(new URL(page.url()).searchParams.get('q'), '교착상태 예방');
});

test('↓ ↓ Enter opens the chosen suggestion\'s results', async ({ page, base }) => {
  await page.goto(base + '/');
  // the list for 검 already shows 검색: wait for the answer to 검색 itself, or it may re-render under the arrows
  const final = page.waitForResponse((r) => r.url().includes('/api/suggest')
    && new URL(r.url()).searchParams.get('q') === '검색');
  await page.locator('#q').pressSequentially('검색', { delay: 30 });
  await final;
  await page.waitForTimeout(100);
  await expectSuggestion(page, '검색');
  assert.ok((await page.locator(OPTION).count()) >= 2, 'needs two suggestions');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = page.locator(OPTION).nth(1);
  assert.equal(await second.getAttribute('aria-selected'), 'true');
  assert.equal(await page.getAttribute('#q', 'aria-activedescendant'), await second.getAttribute('id'));
  const chosen = await second.locator('.text').textContent();
  assert.equal(await page.inputValue('#q'), chosen);
  // which suggestion comes second depends on the query log the earlier tests wrote: a document opens
  // its view, anything else its results
  if (await second.getAttribute('data-url')) {
    await Promise.all([page.waitForURL(/\/doc\//, { waitUntil: 'commit' }), page.keyboard.press('Enter')]);
    return;
  }
  await Promise.all([page.waitForURL(/\/search\?/), page.keyboard.press('Enter')]);
  assert.equal(new URL(page.url()).searchParams.get('q'), chosen);
  assert.equal(await page.inputValue('#q'), chosen);
  assert.ok((await page.locator('ol.results > li, section.empty').count()) > 0);
});

test('↑ from the first suggestion returns to what was typed; Esc closes the list', async ({ page, base }) => {
  await page.goto(base + '/');
  await page.locator('#q').pressSequentially('검', { delay: 30 });
  await expectSuggestion(page, '검색');
  await page.keyboard.press('ArrowDown');
  assert.notEqual(await page.inputValue('#q'), '검');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.inputValue('#q'), '검');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expectClosed(page);
  assert.equal(await page.inputValue('#q'), '검');
  assert.equal(await page.getAttribute('#q', 'aria-activedescendant'), null);
  await page.keyboard.press('ArrowDown'); // reopens
  await expectSuggestion(page, '검색');
  await page.keyboard.press('Tab');
  await expectClosed(page);
});

test('a click on a suggestion opens its results', async ({ page, base }) => {
  await page.goto(base + '/');
  await page.locator('#q').pressSequentially('교착', { delay: 30 });
  await expectSuggestion(page, '교착');
  // a word or phrase: a document suggestion opens the document instead (tested above)
  const option = page.locator(OPTION + ':not([data-url])').first();
  const text = await option.locator('.text').textContent();
  await Promise.all([page.waitForURL(/\/search\?/), option.click()]);
  assert.equal(new URL(page.url()).searchParams.get('q'), text);
});

test('a slow stale response never replaces the newer list', async ({ page, base }) => {
  let staleServed = false;
  await page.route((url) => url.pathname === '/api/suggest' && url.searchParams.get('q') === '검', async (route) => {
    await sleep(1500);
    staleServed = true;
    try {
      await route.fulfill({ contentType: 'application/json',
        body: JSON.stringify({ query: '검', suggestions: [{ text: '검 STALE', kind: 'query' }] }) });
    } catch (e) { /* the page aborted it, as it should */ }
  });
  await page.goto(base + '/');
  await page.locator('#q').pressSequentially('검', { delay: 0 });
  await sleep(100);
  await page.locator('#q').pressSequentially('색', { delay: 0 });
  await expectSuggestion(page, '검색');
  const fresh = await optionTexts(page);
  await sleep(2000);
  assert.ok(staleServed, 'the slow answer was delivered');
  assert.deepEqual(await optionTexts(page), fresh);
  assert.ok(!(await optionTexts(page)).some((t) => t.includes('STALE')));
});

test('answers are cached per prefix: typing back over a prefix asks no one', async ({ page, base }) => {
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('/api/suggest')) asked.push(new URL(r.url()).searchParams.get('q')); });
  await page.goto(base + '/');
  await page.locator('#q').pressSequentially('교착', { delay: 150 });
  await expectSuggestion(page, '교착');
  await page.keyboard.press('Backspace');
  await expectSuggestion(page, '교');
  assert.deepEqual(asked, ['교', '교착']);
});

test('when suggest is shed (503) the box stays quiet and search still works', async ({ page, base }) => {
  await page.route((url) => url.pathname === '/api/suggest', (route) => route.fulfill({
    status: 503, headers: { 'Retry-After': '1' }, contentType: 'application/json', body: '{"error":"busy"}' }));
  await page.goto(base + '/');
  await page.locator('#q').pressSequentially('교착상태', { delay: 30 });
  await sleep(300);
  assert.ok(await page.locator('#suggest-panel').isHidden());
  assert.equal(await page.textContent('#suggest-status'), '');
  assert.ok(!(await page.textContent('body')).includes('busy'));
  await Promise.all([page.waitForURL(/\/search\?q=/), page.keyboard.press('Enter')]);
  assert.ok((await page.locator('ol.results > li').count()) > 0);
});

test('recent searches show on focus when the box is empty, each removable, all clearable', async ({ page, base }) => {
  for (const q of ['교착상태', 'deadlock', '해시 테이블']) await page.goto(base + '/search?q=' + encodeURIComponent(q));
  await page.goto(base + '/');
  await page.locator('#q').blur();
  await page.locator('#q').focus();
  await page.locator(OPTION).first().waitFor();
  assert.deepEqual(await optionTexts(page), ['해시 테이블', 'deadlock', '교착상태']);
  assert.equal(await page.locator(OPTION + ' .kind').first().textContent(), '최근');
  await page.locator(OPTION, { hasText: 'deadlock' }).locator('.remove').click();
  assert.deepEqual(await optionTexts(page), ['해시 테이블', '교착상태']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Delete'); // keyboard removal of the highlighted one
  assert.deepEqual(await optionTexts(page), ['교착상태']);
  await page.click('#clear-recent');
  await expectClosed(page);
  assert.equal(await page.inputValue('#q'), '', 'clearing restores what was typed, not the highlighted one');
  await page.locator('#q').blur();
  await page.locator('#q').focus();
  await sleep(200);
  assert.ok(await page.locator('#suggest-panel').isHidden());
});

// ---- the results page

test('results page: linked titles, readable URLs, highlighted snippets, count and time, pagination', async ({ page, base }) => {
  await page.goto(base + '/search?q=' + encodeURIComponent('검색'));
  assert.match(await page.title(), /^검색 – chatda/);
  const results = page.locator('ol.results > li.result');
  assert.equal(await results.count(), 10);
  assert.match(await page.textContent('#summary'), /^검색결과 [\d,]+건 \([\d.]+ ms\)$/);
  const first = results.first();
  assert.ok((await first.locator('h2 a').getAttribute('href')).length > 0);
  assert.ok((await first.locator('.crumbs span').count()) >= 2);
  assert.ok((await page.locator('.snippet mark').count()) > 0, 'query terms are highlighted');
  assert.equal(await page.textContent('nav.pages [aria-current="page"]'), '1');
  await Promise.all([page.waitForURL(/page=2/), page.click('nav.pages a[rel="next"]')]);
  assert.equal(await page.getAttribute('ol.results', 'start'), '11');
  assert.equal(await page.textContent('nav.pages [aria-current="page"]'), '2');
  assert.ok((await page.locator('nav.pages a[rel="prev"]').count()) === 1);
});

test('a query that finds nothing explains what to try', async ({ page, base }) => {
  await page.goto(base + '/search?q=zqxjvw');
  assert.match(await page.textContent('section.empty h1'), /검색결과가 없습니다/);
  assert.ok((await page.locator('section.empty li').count()) >= 3);
});

test('with JavaScript disabled the page still searches and shows results', async ({ browser, base }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(base + '/');
    await page.fill('#q', '교착상태');
    await Promise.all([page.waitForURL(/\/search\?q=/), page.press('#q', 'Enter')]);
    assert.ok((await page.locator('ol.results > li').count()) > 0);
    assert.match(await page.locator('ol.results h2').first().textContent(), /교착/);
    assert.ok((await page.locator('.snippet mark').count()) > 0);
    assert.ok(await page.locator('#suggest-panel').isHidden());
  } finally {
    await context.close();
  }
});

test('a hostile title renders as text and runs nothing, in results and in suggestions', async ({ page, base, dialogs }) => {
  await page.goto(base + '/search?q=xsscanary');
  const title = page.locator('ol.results h2').first();
  assert.equal((await title.textContent()).trim(), HOSTILE_TITLE);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('#main script, #main [onerror]').count(), 0);
  await page.fill('#q', '');
  await page.locator('#q').pressSequentially('<script>', { delay: 20 });
  await sleep(500);
  assert.equal(await page.locator('img').count(), 0);
  assert.deepEqual(dialogs, [], 'no script ran');
});

test('at 360 px wide nothing scrolls sideways, and a tap picks a suggestion', async ({ browser, base }) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    await page.goto(base + '/');
    await noHorizontalScroll(page, 'home');
    await page.locator('#q').pressSequentially('검색', { delay: 30 });
    await expectSuggestion(page, '검색');
    await noHorizontalScroll(page, 'home with suggestions');
    // a word or phrase (a document suggestion would open the document instead)
    const option = page.locator(OPTION + ':not([data-url])').first();
    const text = await option.locator('.text').textContent();
    await Promise.all([page.waitForURL(/\/search\?/), option.tap()]);
    assert.equal(new URL(page.url()).searchParams.get('q'), text);
    for (const path of ['/search?q=' + encodeURIComponent('검색'), '/search?q=' + encodeURIComponent('검색') + '&page=2',
      '/search?q=' + 'supercalifragilistic'.repeat(12), '/search?q=zqxjvw']) {
      await page.goto(base + path);
      await noHorizontalScroll(page, path);
    }
  } finally {
    await context.close();
  }
});

test('text contrast passes WCAG AA (4.5:1) in light and dark schemes', async ({ browser, base }) => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ colorScheme });
    try {
      const page = await context.newPage();
      await page.goto(base + '/search?q=' + encodeURIComponent('검색'));
      await page.locator('#q').fill('');
      await page.locator('#q').pressSequentially('검', { delay: 30 });
      await expectSuggestion(page, '검색');
      const low = await page.evaluate(() => {
        const rgb = (c) => c.match(/[\d.]+/g).slice(0, 4).map(Number);
        const lum = ([r, g, b]) => {
          const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        const background = (el) => {
          for (let e = el; e; e = e.parentElement) {
            const c = rgb(getComputedStyle(e).backgroundColor);
            if (c.length < 4 || c[3] > 0) return c;
          }
          return [255, 255, 255];
        };
        const out = [];
        const selectors = ['#summary', '.result h2 a', '.crumbs span', '.snippet', '.snippet mark', '#q',
          '.option .text', '.option .kind', '.option[aria-selected] .text', 'nav.pages a', '.foot'];
        for (const sel of selectors) {
          for (const el of document.querySelectorAll(sel)) {
            const a = lum(rgb(getComputedStyle(el).color));
            const b = lum(background(el));
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) out.push(`${sel}: ${ratio.toFixed(2)}`);
          }
        }
        return [...new Set(out)];
      });
      assert.deepEqual(low, [], colorScheme + ' scheme');
    } finally {
      await context.close();
    }
  }
});

test('focus is visible on links and buttons', async ({ page, base }) => {
  await page.goto(base + '/search?q=' + encodeURIComponent('검색'));
  await page.locator('.result h2 a').first().focus();
  const outline = await page.locator('.result h2 a').first().evaluate((e) => getComputedStyle(e).outlineStyle);
  assert.notEqual(outline, 'none');
});

test('focusing a filled box shows its suggestions', async ({ page, base }) => {
  await page.goto(base + '/search?q=' + encodeURIComponent('검색'));
  await page.locator('#q').focus();
  await expectSuggestion(page, '검색');
});

test('the desktop home is centred at 1280 px and 1920 px', async ({ browser, base }) => {
  for (const width of [1280, 1920]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(base + '/');
      for (const sel of ['h1.logo', '#search-form']) {
        const box = await page.locator(sel).boundingBox();
        const centre = box.x + box.width / 2;
        assert.ok(Math.abs(centre - width / 2) <= 2, `${sel} at ${width} px: centre ${centre}, not ${width / 2}`);
      }
      const logo = await page.locator('h1.logo').boundingBox();
      assert.ok(logo.y > 900 * 0.1, `the logo sits ${logo.y} px from the top at ${width} px`);
    } finally {
      await context.close();
    }
  }
});

// ---- the document view

test('clicking a demo result opens its document view with the terms highlighted', async ({ page, base }) => {
  await page.goto(base + '/search?q=' + encodeURIComponent('교착상태'));
  const first = page.locator('ol.results h2 a').first();
  const title = (await first.textContent()).trim();
  assert.match(await first.getAttribute('href'), /^\/doc\//, 'an imported file links to its view, not to file://');
  await Promise.all([page.waitForURL(/\/doc\//), first.click()]);
  assert.equal(new URL(page.url()).hash, '#match');
  assert.match(await page.title(), new RegExp('^' + title.replace(/[()]/g, '.')));
  const marks = await page.locator('.doc-body mark').allTextContents();
  assert.ok(marks.length > 0 && marks.some((m) => m.includes('교착')), 'terms highlighted: ' + JSON.stringify(marks));
  assert.ok(await inViewport(page.locator('#match')), 'the view opens at the first match');
  // back to the results through the view's own link
  await Promise.all([page.waitForURL(/\/search\?q=/), page.locator('.doc-source a').last().click()]);
});

test('a #section document opens at its heading', async ({ page, base }) => {
  await page.goto(base + '/search?q=zebrasection');
  const link = page.locator('ol.results h2 a').first();
  assert.match(await link.getAttribute('href'), /^\/doc\/.*#/);
  await Promise.all([page.waitForURL(/\/doc\//), link.click()]);
  const target = page.locator(':target');
  assert.equal(await target.evaluate((e) => e.tagName), 'H1');
  assert.match(await target.textContent(), /둘째 구역/);
  assert.ok(await inViewport(target), 'the heading is on screen');
});

test('a hostile document (script, event handlers, javascript: links) runs nothing in the document view', async ({ page, base, dialogs }) => {
  await page.goto(base + '/search?q=xsscanary');
  await Promise.all([page.waitForURL(/\/doc\//), page.locator('ol.results h2 a').first().click()]);
  assert.match(await page.textContent('.doc-body'), /xsscanary/);
  assert.equal(await page.locator('script:not([src="/static/app.js"])').count(), 0);
  assert.equal(await page.locator('.doc-body [onclick], .doc-body [onmouseover], .doc-body [onerror], .doc-body [onload]').count(), 0);
  assert.equal(await page.locator('.doc-body img, .doc-body svg, .doc-body iframe, .doc-body form').count(), 0);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.every((h) => !/^\s*(javascript|data):/i.test(h)), JSON.stringify(hrefs));
  await page.locator('.doc-body h1').hover();
  await page.locator('.doc-body h1').click();
  await page.getByText('자바스크립트 링크').click();
  await sleep(300);
  assert.deepEqual(dialogs, [], 'no script ran');
});

test('axe-core finds no violations on the home, results, zero-results and document pages', async ({ page, base }) => {
  await page.goto(base + '/search?q=' + encodeURIComponent('교착상태'));
  const view = await page.locator('ol.results h2 a').first().getAttribute('href');
  const pages = { home: '/', results: '/search?q=' + encodeURIComponent('검색'), 'zero results': '/search?q=zqxjvw',
    document: view };
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(base + path);
      for (const v of await axeViolations(page)) found.push(`${name} (${colorScheme}): ${v}`);
    }
  }
  assert.deepEqual(found, []);
});

// ---- run

const only = process.argv.slice(2);
const selected = cases.filter((c) => only.length === 0 || only.some((o) => c.name.includes(o)));

const { base, stop } = await startServer();
const browser = await launchBrowser();
const failures = [];
const started = Date.now();
try {
  console.log(`chatda at ${base}; chromium ${browser.version()}; ${selected.length} cases`);
  for (const c of selected) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs = [];
    const problems = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    page.on('pageerror', (e) => problems.push('page error: ' + e.message));
    page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) problems.push('CSP: ' + m.text()); });
    context.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) problems.push('third-party request: ' + r.url());
    });
    const t0 = Date.now();
    try {
      await c.fn({ page, browser, base, dialogs });
      assert.deepEqual(problems, [], 'page errors, CSP violations or third-party requests');
      console.log(`  ok   ${c.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failures.push(c);
      console.log(`  FAIL ${c.name} (${Date.now() - t0} ms)${c.needs ? `\n       needs ${c.needs}` : ''}`);
      console.log('       ' + String(e && e.message ? e.message : e).split('\n').join('\n       '));
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  await stop();
}
console.log(`${selected.length - failures.length} passed, ${failures.length} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exitCode = failures.length ? 1 : 0;
