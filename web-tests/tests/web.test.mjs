// The acceptance, in a real browser against the started suite: a clerk drafts and submits through the
// console after logging in with Keycloak, the county admin reviews (and may not approve what they reviewed: four
// eyes), the county office's approver, another person, approves and publishes, the disclosure shows on
// the portal and on an open dashboard without reload; a visitor's comment counts once moderated; a department
// head's report moves the public progress bar; phones get no horizontal scroll; a refused form keeps its text.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { GATEWAY, launch, visitor, open, logIn, shot, overflows } from './helpers.mjs';

const TITLE = `鱼塘村党支部浏览器测试公开 ${Date.now()}`;
let browser;
let disclosureId;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

describe('the web pages', () => {
  it('every page meets its Content-Security-Policy, and the policy refuses an injected inline script', async () => {
    const page = await visitor(browser);
    for (const path of ['index.html', 'commitments.html', 'catalog.html', 'org.html?code=YP-V001', 'notifications.html', 'dashboard.html', 'console.html']) {
      await open(page, path); // fails on any refusal the page caused itself
    }
    await open(page, 'index.html');
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return window.injected === true;
    });
    assert.equal(ran, false, 'an inline script must not run');
    for (let i = 0; i < 50 && page.cspViolations.length === 0; i++) await page.waitForTimeout(100);
    assert.ok(page.cspViolations.length > 0, 'the refusal is reported');
    await page.close();
  });

  it('portal home shows the county figures, the latest disclosures and finds by search', async () => {
    const page = await visitor(browser);
    await open(page, 'index.html');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.ok(await page.locator('#figures .figure').count() >= 4);
    assert.ok(await page.locator('#latest li a').count() > 0, 'latest disclosures listed');
    await shot(page, 'portal-home');
    const first = (await page.locator('#latest li a').first().textContent()).trim();
    await page.fill('#q', first);
    await page.click('#search button');
    await page.waitForSelector('body[data-ready=true]');
    await page.waitForFunction((t) => [...document.querySelectorAll('#latest li a')].some((a) => a.textContent === t), first);
    await page.close();
  });

  it('a clerk logs in through Keycloak; a refused draft keeps what was typed and says why beside the field; then it is submitted', async () => {
    const page = await visitor(browser);
    await logIn(page, 'clerk');
    await page.waitForSelector('#draft-form');
    assert.equal(await page.inputValue('#f-organizationCode'), 'YP-V001');
    // What the organization owes: its periods with due dates and whether each was kept (the demo's year of them).
    await page.waitForSelector('#due-table tbody tr');
    const firstPeriod = await page.locator('#due-table tbody tr').first().innerText();
    assert.match(firstPeriod, /\d{4}-\d{2}-\d{2} ~ \d{4}-\d{2}-\d{2}\s+\d{4}-\d{2}-\d{2}\s+(待公开|按时公开|逾期公开|未公开)/);
    await page.fill('#f-title', TITLE);
    await page.click('#draft-form button[value=submit]');
    const error = page.locator('#f-body-error');
    await error.waitFor();
    assert.match(await error.textContent(), /请填写公开内容/);
    assert.equal(await page.getAttribute('#f-body', 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('#f-title'), TITLE, 'the typed title is kept');

    await page.fill('#f-body', '本期公开：支部委员会会议决定事项，村级集体经济项目收支情况。');
    await page.locator('#draft-form details summary').first().click();
    await page.locator('#draft-form input[name=itemCodes]').first().check();
    const today = new Date().toISOString().slice(0, 10);
    await page.fill('#f-periodStart', today);
    await page.fill('#f-periodEnd', today);
    await page.selectOption('#f-scope', 'PUBLIC');
    await page.check('#draft-form input[name=plannedChannels][value=disclosure-board]');
    await page.check('#f-attestNoSecrets');
    await shot(page, 'console-draft');
    await page.click('#draft-form button[value=submit]');
    await page.waitForSelector('#draft-form .form-status.notice:not(.error)');
    await page.waitForSelector(`#workflow li[data-status=SUBMITTED] >> text=${TITLE}`);
    await page.close();
  });

  it('the county admin sends it back with reasons; the clerk sees them, edits the disclosure and submits it again', async () => {
    const admin = await visitor(browser);
    await logIn(admin, 'admin');
    const item = admin.locator('#review-queue li', { hasText: TITLE });
    await item.getByRole('button', { name: '退回修改' }).click();
    await item.getByRole('button', { name: '确定' }).click();
    await item.locator('form.reason .field-error').waitFor(); // a reason is required, and said beside the field
    await item.getByLabel('退回理由（将告知起草人）').fill('请补充项目收支的具体金额');
    await item.getByRole('button', { name: '确定' }).click();
    await item.waitFor({ state: 'detached' });

    const clerk = await visitor(browser);
    await logIn(clerk, 'clerk');
    const mine = clerk.locator('#workflow li[data-status=RETURNED]', { hasText: TITLE });
    await mine.getByRole('button', { name: '修改' }).click();
    await clerk.waitForSelector('#draft-editing >> text=请补充项目收支的具体金额');
    assert.equal(await clerk.inputValue('#f-title'), TITLE, 'the returned disclosure is loaded into the form');
    assert.equal(await clerk.inputValue('#f-scope'), 'PUBLIC');
    await clerk.fill('#f-body', '本期公开：支部委员会会议决定事项；村级集体经济项目收入 12.6 万元，支出 9.8 万元。');
    await clerk.check('#f-attestNoSecrets');
    await clerk.click('#draft-form button[value=submit]');
    await clerk.waitForSelector(`#workflow li[data-status=SUBMITTED] >> text=${TITLE}`);
    await Promise.all([admin.close(), clerk.close()]);
  });

  it('the county admin reviews it, another person approves and publishes it; it shows on the portal and, without reload, on the dashboard', async () => {
    const board = await visitor(browser, { viewport: { width: 1920, height: 1080 } });
    await open(board, 'dashboard.html');
    await board.waitForSelector('#connection[data-state=open]');
    const before = Number(await board.textContent('#fig-disclosures'));
    await board.evaluate(() => { window.notReloaded = true; });

    const admin = await visitor(browser);
    await logIn(admin, 'admin');
    const item = () => admin.locator('#review-queue li', { hasText: TITLE });
    await item().getByText('12.6 万元').waitFor({ state: 'attached' }); // the edited content is what is reviewed
    await item().getByLabel('已做保密审查').check();
    await item().getByLabel('确有必要公开').check();
    await item().getByRole('button', { name: '审核通过' }).click();
    await item().locator('.field-error').waitFor(); // accuracy not confirmed: refused, the ticks stay
    assert.equal(await item().getByLabel('已做保密审查').isChecked(), true);
    await item().getByLabel('内容准确').check();
    await item().getByRole('button', { name: '审核通过' }).click();
    await admin.waitForSelector(`#review-queue li[data-status=REVIEWED] >> text=${TITLE}`);
    // Four eyes: who reviewed is not offered the approval, the county admin neither (the API refuses it too, 403
    // four-eyes: e2e); the item says who must approve instead.
    await item().locator('.four-eyes').waitFor();
    assert.match(await item().locator('.four-eyes').innerText(), /四眼原则/);
    assert.equal(await item().getByRole('button', { name: '审批通过' }).count(), 0, 'no approval offered to the reviewer');
    assert.equal(await item().getAttribute('data-status'), 'REVIEWED');

    const approver = await visitor(browser);
    await logIn(approver, 'approver');
    const approving = () => approver.locator('#review-queue li', { hasText: TITLE });
    await approving().getByRole('button', { name: '审批通过' }).click();
    await approver.waitForSelector(`#review-queue li[data-status=APPROVED] >> text=${TITLE}`);
    await shot(approver, 'console-queue');
    disclosureId = await approving().getAttribute('data-id');
    await approving().getByRole('button', { name: '公开' }).click();
    await approving().waitFor({ state: 'detached' });

    await board.waitForSelector(`#feed li[data-type=DisclosurePublished] >> text=${TITLE}`);
    await board.waitForFunction((n) => Number(document.getElementById('fig-disclosures').textContent) === n + 1, before);
    assert.equal(await board.evaluate(() => window.notReloaded), true, 'the dashboard was not reloaded');
    await shot(board, 'dashboard', { fullPage: false });

    const home = await visitor(browser);
    await open(home, 'index.html');
    await home.waitForSelector(`#latest li a >> text=${TITLE}`);
    await Promise.all([admin.close(), approver.close(), board.close(), home.close()]);
  });

  it('a visitor comments, the admin approves it, and the count goes up', async () => {
    assert.ok(disclosureId, 'needs the published disclosure');
    const reader = await visitor(browser);
    await open(reader, `disclosure.html?id=${disclosureId}`);
    assert.equal((await reader.textContent('#title')).trim(), TITLE);
    assert.doesNotMatch(await reader.textContent('#disclosure'), /\bnull\b|undefined/, 'no placeholder leaks onto the page');
    assert.equal((await reader.textContent('#comment-count')).trim(), '已有 0 人发表了评论');
    await reader.fill('#authorName', '鱼塘村村民');
    await reader.click('#comment-form button[type=submit]');
    await reader.locator('#body-error').waitFor();
    assert.equal(await reader.inputValue('#authorName'), '鱼塘村村民', 'the typed name is kept');
    await reader.fill('#body', '公开及时，希望继续公开项目进度。');
    await reader.click('#comment-form button[type=submit]');
    await reader.waitForSelector('#comment-form .form-status.notice:not(.error)');

    const admin = await visitor(browser);
    await logIn(admin, 'admin');
    const pending = admin.locator('#moderation li', { hasText: '公开及时，希望继续公开项目进度。' }).first();
    await pending.getByRole('button', { name: '通过', exact: true }).click();
    await pending.waitFor({ state: 'detached' });

    await open(reader, `disclosure.html?id=${disclosureId}`);
    assert.equal((await reader.textContent('#comment-count')).trim(), '已有 1 人发表了评论');
    assert.ok(await reader.locator('#comments li', { hasText: '鱼塘村村民' }).count() === 1);
    await shot(reader, 'disclosure');
    await Promise.all([reader.close(), admin.close()]);
  });

  it('a disclosure reads, and takes a comment, without JavaScript', async () => {
    assert.ok(disclosureId, 'needs the published disclosure');
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${GATEWAY}/disclosure.html?id=${disclosureId}`);
    assert.equal((await page.textContent('#title')).trim(), TITLE);
    assert.match(await page.textContent('#body-text'), /12\.6 万元/);
    assert.match(await page.textContent('#comment-count'), /已有 \d+ 人发表了评论/);
    assert.equal(await overflows(page), false, 'no sideways scroll on a phone without JavaScript either');
    await page.fill('#authorName', '不用脚本的村民');
    await page.click('#comment-form button[type=submit]');
    await page.waitForSelector('#body-error');
    assert.match(await page.textContent('#body-error'), /请填写评论内容/);
    assert.equal(await page.inputValue('#authorName'), '不用脚本的村民', 'the typed name comes back with the error');
    await page.fill('#body', '没有脚本也能评论，很方便。');
    await page.click('#comment-form button[type=submit]');
    await page.waitForSelector('#comment-form .form-status.notice:not(.error)');
    assert.match(await page.textContent('#comment-form .form-status'), /感谢您的评论/);
    await context.close();
  });

  it('a department head sees the evaluations received, reports progress and the public progress bar moves', async () => {
    const head = await visitor(browser);
    await logIn(head, 'head');
    // What the public said of the department's commitments: counts per rating and the approved comments.
    await head.waitForSelector('#evaluations-received li[data-id]');
    assert.match(await head.textContent('#evaluations-title'), /收到的群众评议（\d+ 次）/);
    assert.match(await head.locator('#evaluations-received li[data-id]').first().innerText(), /共 \d+ 次评议 · 满意 \d+ · 基本满意 \d+ · 不满意 \d+ · 满意率/);
    const entry = head.locator('#progress li[data-id]').first();
    const id = await entry.getAttribute('data-id');
    const was = Number(await entry.locator('input[name=percent]').inputValue() || 0);
    const next = Math.min(100, was + 1);
    await entry.locator('input[name=percent]').fill(String(next));
    await entry.locator('input[name=note]').fill('浏览器测试：施工持续推进');
    await entry.getByRole('button', { name: '报告进展' }).click();
    await entry.locator('.form-status.notice:not(.error)').waitFor();

    const pub = await visitor(browser);
    await open(pub, 'commitments.html?department=YP-D-TRANSPORT');
    assert.equal(await pub.getAttribute(`#c-${id} [role=progressbar]`, 'data-percent'), String(next));
    await pub.locator(`#c-${id} summary`).click();
    await pub.waitForSelector(`#c-${id} ol.timeline >> text=浏览器测试：施工持续推进`);
    await shot(pub, 'commitments');
    await Promise.all([head.close(), pub.close()]);
  });

  it('phone-sized pages have no horizontal scroll', async () => {
    const phone = await visitor(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    for (const path of ['index.html', `disclosure.html?id=${disclosureId}`, 'commitments.html', 'catalog.html', 'console.html']) {
      await open(phone, path);
      assert.equal(await overflows(phone), false, `${path} scrolls sideways at 360 px`);
    }
    await open(phone, 'index.html');
    await shot(phone, 'portal-home-phone');
    await phone.close();
  });

  it('the public reads the county catalog: every category and item with its scope, timing, channels and who discloses it', async () => {
    const page = await visitor(browser);
    await open(page, 'index.html');
    await page.getByRole('link', { name: '公开目录' }).click();
    await page.waitForSelector('body[data-ready=true]');
    assert.match(await page.textContent('#catalog-summary'), /共 9 大类 57 项/);
    assert.equal(await page.locator('#catalog-list > li').count(), 9);
    const first = page.locator('#catalog-list ul.catalog-items > li').first();
    assert.match(await first.textContent(), /C1-01/);
    assert.match(await first.locator('[data-field=scope]').textContent(), /向社会公开|党内/);
    assert.match(await first.locator('[data-field=timing]').textContent(), /公开/);
    assert.match(await first.locator('[data-field=channels]').textContent(), /党务公开栏/);
    assert.match(await first.locator('[data-field=organizations]').textContent(), /党组织/);
    await page.close();
  });

  it('feed readers and people find the Atom feeds: the county, an organization and each commitment', async () => {
    const page = await visitor(browser);
    const atom = async (href) => {
      const answer = await page.request.get(new URL(href, page.url()).toString());
      assert.equal(answer.status(), 200, href);
      assert.match(answer.headers()['content-type'], /^application\/atom\+xml/);
      assert.match(await answer.text(), /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="zh-CN">/);
    };
    await open(page, 'index.html');
    const county = await page.getAttribute('head link[rel=alternate][type="application/atom+xml"]', 'href');
    assert.equal(await page.getAttribute('#feed', 'href'), county);
    assert.match(await page.textContent('#feed'), /订阅/);
    await atom(county);
    await open(page, 'org.html?code=YP-V001');
    const organization = page.locator('#feeds a').first();
    assert.match(await organization.textContent(), /订阅/);
    assert.equal(await page.getAttribute('head link[rel=alternate][type="application/atom+xml"]', 'href'),
      await organization.getAttribute('href'));
    await atom(await organization.getAttribute('href'));
    await open(page, 'commitments.html');
    const commitment = page.locator('#list li a.feed').first();
    assert.match(await commitment.textContent(), /订阅/);
    await atom(await commitment.getAttribute('href'));
    await page.close();
  });

  it('English is available', async () => {
    const page = await visitor(browser);
    await open(page, 'index.html');
    await page.click('header button.lang');
    await page.waitForSelector('body[data-ready=true]');
    await page.waitForSelector('html[lang=en]');
    assert.equal((await page.textContent('h1')).trim(), 'Party affairs disclosure, Yuping County');
    await page.close();
  });
});

process.on('exit', () => console.log(`screenshots: web-tests/target/screenshots (gateway ${GATEWAY})`));
