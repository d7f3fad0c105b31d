// WCAG 2.1 AA basics measured in the browser on the portal and the console's login: text contrast (1.4.3), names for
// every form control (1.3.1, 4.1.2), alternative text (1.1.1) and a keyboard path that starts with "skip to content".
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, visitor, open } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Runs in the page: every visible text's contrast against the background actually behind it, below the AA line. */
function lowContrast() {
  const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const blend = ([r, g, b, a = 1], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
  const background = (node) => {
    const layers = [];
    for (let n = node; n; n = n.parentElement) {
      const c = rgb(getComputedStyle(n).backgroundColor);
      if (c.length === 4 && c[3] === 0) continue;
      layers.push(c);
      if (c.length === 3 || c[3] === 1) break;
    }
    return layers.reduceRight((under, layer) => blend(layer, under), [255, 255, 255]);
  };
  const failures = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const node = text.parentElement;
    if (!text.textContent.trim() || !node.checkVisibility?.() || node.closest('[aria-hidden=true]')) continue;
    const style = getComputedStyle(node);
    const back = background(node);
    const fore = blend(rgb(style.color), back);
    const [hi, lo] = [luminance(fore), luminance(back)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) failures.push(`${ratio.toFixed(2)}:1 "${text.textContent.trim().slice(0, 30)}" (${style.color} on rgb(${back.map(Math.round)}))`);
  }
  return failures;
}

function unnamedControls() {
  return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
    .filter((c) => c.checkVisibility?.())
    .filter((c) => !(c.labels?.length || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby')
      || (c.tagName === 'BUTTON' && c.textContent.trim())))
    .map((c) => c.outerHTML.slice(0, 80));
}

const PAGES = [
  { path: 'index.html' }, { path: 'org.html?code=YP-V001' }, { path: 'commitments.html' }, { path: 'catalog.html' }, { path: 'api.html' }, { path: 'console.html' },
  { path: 'notifications.html' },
  { path: 'annual-report.html' },
  // The big screen is read from across the room and not browsed: no skip link, but the same contrast and names.
  { path: 'dashboard.html', viewport: { width: 1920, height: 1080 }, skipLink: false },
];

describe('accessibility basics', () => {
  for (const { path, viewport, skipLink = true } of PAGES) {
    it(`${path}: contrast, names, alt text${skipLink ? ' and the skip link' : ''}`, async () => {
      const page = await visitor(browser, viewport ? { viewport } : {});
      await open(page, path);
      await page.waitForLoadState('load');
      assert.deepEqual(await page.evaluate(lowContrast), [], 'text below the AA contrast ratio');
      assert.deepEqual(await page.evaluate(unnamedControls), [], 'form controls without a name');
      assert.equal(await page.locator('img:not([alt])').count(), 0, 'images without alt text');
      if (skipLink) {
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#main', 'the first Tab lands on "skip to content"');
      }
      await page.close();
    });
  }
});
