// Shared by the browser tests: one headless Chromium (Debian's), the suite's URLs, Keycloak login, screenshots.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const GATEWAY = process.env.GATEWAY_URL || `http://localhost:${process.env.GATEWAY_PORT || 18080}`;
export const SHOTS = fileURLToPath(new URL('../target/screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** A fresh visitor or official: own cookies and session storage, Chinese, a desktop screen unless told. */
export async function visitor(browser, options = {}) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, ...options });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error on ${page.url()}: ${error.message}`));
  watchPolicy(page);
  return page;
}

/**
 * Records what the gateway's Content-Security-Policy blocked on its own pages (Chromium reports each refusal on the
 * console and as a `securitypolicyviolation` event); `open` and `logIn` fail the test on any of them.
 */
export function watchPolicy(page) {
  page.cspViolations = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()) && page.url().startsWith(GATEWAY)) {
      page.cspViolations.push(`${page.url()}: ${message.text()}`);
    }
  });
  return page;
}

/** Fails when the page's policy refused anything so far: a page must meet its own CSP. */
export function assertNoPolicyViolations(page) {
  if (page.cspViolations?.length) {
    throw new Error(`Content-Security-Policy violations:\n${page.cspViolations.join('\n')}`);
  }
}

export async function open(page, path) {
  await page.goto(`${GATEWAY}/${path}`);
  await page.waitForSelector('body[data-ready=true]');
  assertNoPolicyViolations(page);
}

/** Logs in through Keycloak's own login page, as a person would: from the console, or from another page's button. */
export async function logIn(page, user, { from = 'console.html', button = '#login', signedIn = '#logout', password = 'demo' } = {}) {
  await open(page, from);
  await page.click(button);
  await page.waitForSelector('#username');
  await page.fill('#username', user);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.waitForURL(`${GATEWAY}/${from}`);
  await page.waitForSelector(signedIn);
  assertNoPolicyViolations(page);
}

/** A call to the gateway's internal API with the token of the official signed in on this page. */
export function callAs(page, path, method = 'GET', body = undefined) {
  return page.evaluate(async ({ path, method, body }) => {
    const { access_token: token } = JSON.parse(sessionStorage.getItem('console.tokens'));
    const response = await fetch(path, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }, { path, method, body });
}

/** A screenshot of the whole page, or with `{ fullPage: false }` of what the screen shows (a long console). */
export async function shot(page, name, { fullPage = true } = {}) {
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage });
}

/** Whether the page is wider than the screen (a horizontal scroll bar). */
export function overflows(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
