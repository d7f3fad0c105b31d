// A member of the public with an account (demo user citizen, role citizen) on the commitments page, in a real browser
// against the started suite with demo data: signs in through Keycloak from the page, evaluates a commitment, and
// evaluating it again changes the first evaluation (one per person). A visitor without an account is told how the
// anonymous limit works and where to sign in. May run again on the same data: a second run's first evaluation is
// already a revision.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { GATEWAY, launch, visitor, open, logIn } from './helpers.mjs';

let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

describe('a citizen evaluates a commitment', () => {
  it('an anonymous visitor is offered the sign-in; signed in, a second evaluation changes the first', async () => {
    const found = await (await fetch(`${GATEWAY}/api/v1/public/commitments?department=YP-D-TRANSPORT&size=1`)).json();
    const commitment = found.items[0];
    assert.ok(commitment, 'the demo data has the transport bureau\'s commitments');

    const page = await visitor(browser);
    await open(page, 'commitments.html');
    assert.match(await page.textContent('#citizen'), /登录后每人一次/);
    await logIn(page, 'citizen', { from: 'commitments.html', button: '#citizen-login', signedIn: '#citizen-logout' });
    assert.match(await page.textContent('#citizen'), /已登录/);

    await open(page, 'commitments.html?department=YP-D-TRANSPORT');
    await page.waitForSelector('#citizen-logout'); // still signed in: the token stays in the tab's session
    const item = page.locator(`#c-${commitment.id}`);
    await item.locator('summary').click();
    const form = item.locator('form');
    await form.getByLabel('满意', { exact: true }).check();
    await form.getByRole('button', { name: '提交评价' }).click();
    await form.locator('.form-status').filter({ hasText: /感谢您的评价|已修改您的评价/ }).waitFor();
    await form.getByLabel('不满意', { exact: true }).check();
    await form.getByRole('button', { name: '提交评价' }).click();
    await form.locator('.form-status').filter({ hasText: '已修改您的评价，仍只计一次' }).waitFor();
    await page.close();
  });
});
