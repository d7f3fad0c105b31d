// The big screen: compliance by township for everyone; an official signed in on the screen also sees open and
// overdue findings, moved by the internal stream without a reload.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, visitor, open, logIn, callAs, shot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

describe('the live dashboard', () => {
  it('shows compliance by township, and findings only to a signed-in official', async () => {
    const board = await visitor(browser, { viewport: { width: 1920, height: 1080 } });
    await open(board, 'dashboard.html');
    await board.waitForSelector('#townships .row');
    assert.match(await board.textContent('#townships'), /党委/, 'townships are named');
    assert.equal(await board.locator('#fig-open-findings').count(), 0, 'no findings figures in public');
    assert.equal(await board.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight), true,
      'the big screen fits 1080 lines without scrolling');
    await board.close();
  });

  it('a signed-in screen counts a new finding from the stream without reloading', async () => {
    const board = await visitor(browser, { viewport: { width: 1920, height: 1080 } });
    await logIn(board, 'admin', { from: 'dashboard.html', button: '#dashboard-login', signedIn: '#fig-open-findings' });
    await board.waitForSelector('#connection[data-state=open]');
    const open0 = Number(await board.textContent('#fig-open-findings'));
    await board.evaluate(() => { window.notReloaded = true; });

    const admin = await visitor(browser);
    await logIn(admin, 'admin');
    const units = await callAs(admin, '/api/internal/units');
    const unit = (units.items || units)[0];
    const description = `大屏测试：公开栏内容未按期更新 ${Date.now()}`;
    await callAs(admin, '/api/internal/findings', 'POST', { unitCode: unit.code, description, severity: 'MINOR',
      responsible: '支部书记', deadline: new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10) });

    await board.waitForSelector('#feed li[data-type=FindingRaised]');
    await board.waitForFunction((n) => Number(document.getElementById('fig-open-findings').textContent) === n + 1, open0);
    assert.equal(await board.evaluate(() => window.notReloaded), true, 'the dashboard was not reloaded');
    await shot(board, 'dashboard-official');
    await Promise.all([board.close(), admin.close()]);
  });
});
