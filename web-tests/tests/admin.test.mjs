// The county admin's part of the console, in a real browser against a started suite with the demo data: the
// organization register (a refused registration keeps what was typed and says why beside the field; then it is
// registered, found and edited), the moderation of the public's evaluation comments (one approved shows publicly, one
// rejected with a reason does not, and the rejection is in the audit trail with its actor), a webhook subscription
// created, paused, resumed and deleted, a system's scope granted and revoked, and the page at 360 px.
// Everything this test makes is named with the run's number, so it runs again on the same data.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { GATEWAY, launch, visitor, logIn, shot, overflows } from './helpers.mjs';

const RUN = Date.now().toString(36).toUpperCase();
const CODE = `YP-WT-${RUN}`;
const NAME = `浏览器测试党支部${RUN}`;
const RENAMED = `${NAME}（已更名）`;
const APPROVED = `管理员审核测试：路面平整，感谢 ${RUN}`;
const REJECTED = `管理员审核测试：广告内容 ${RUN}`;
// A name that never resolves: accepted (each delivery checks it again), never delivered to.
const HOOK = `https://hooks.yuping.example.invalid/admin-test-${RUN}`;

let browser;
let admin;

before(async () => {
  browser = await launch();
  admin = await visitor(browser);
  await logIn(admin, 'admin');
  await admin.waitForSelector('#organizations');
});
after(async () => { await browser?.close(); });

/** Waits until `check` answers something truthy (the read model is eventually consistent), or fails after a while. */
async function eventually(what, check, { tries = 100, every = 200 } = {}) {
  for (let i = 0; i < tries; i++) {
    const answer = await check();
    if (answer) return answer;
    await new Promise((r) => setTimeout(r, every));
  }
  assert.fail(`never happened: ${what}`);
}

async function json(path, options = {}) {
  const response = await fetch(`${GATEWAY}${path}`, options);
  assert.ok(response.ok, `${options.method || 'GET'} ${path}: ${response.status} ${await response.clone().text()}`);
  return response.json();
}

/** One member of the public evaluates with a comment; each run comes from its own address (one evaluation each). */
function evaluate(commitmentId, comment, client) {
  return json(`/api/public/commitments/${commitmentId}/evaluations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': client },
    body: JSON.stringify({ rating: 'SATISFIED', comment }),
  });
}

/** Opens an admin area's folding panel (a click on its heading), unless it is open already. */
async function openPanel(page, id) {
  await page.waitForSelector(`#${id} > details`);
  if (!(await page.locator(`#${id} > details`).evaluate((d) => d.open))) await page.click(`#${id} > details > summary`);
}

describe('the county admin console', () => {
  it('registers an organization (a refused form keeps the text, errors beside the fields), finds it and edits it', async () => {
    await openPanel(admin, 'organizations');
    await admin.fill('#org-code', 'yp test');
    await admin.fill('#org-name', NAME);
    await admin.click('#org-submit');
    await admin.locator('#org-code-error').waitFor();
    assert.match(await admin.textContent('#org-code-error'), /组织代码只能含大写字母、数字和短横线/);
    assert.match(await admin.textContent('#org-type-field-error'), /请选择组织类型/);
    assert.equal(await admin.getAttribute('#org-code', 'aria-invalid'), 'true');
    assert.equal(await admin.inputValue('#org-code'), 'yp test', 'the typed code is kept');
    assert.equal(await admin.inputValue('#org-name'), NAME, 'the typed name is kept');

    await admin.fill('#org-code', CODE);
    await admin.selectOption('#org-type-field', 'village-branch');
    await admin.fill('#org-parent', 'YP-T01');
    await admin.click('#org-submit');
    await admin.waitForSelector('#org-form .form-status.notice:not(.error)');
    assert.equal(await admin.inputValue('#org-name'), '', 'the form is cleared for the next one');

    // Found by a part of its name among the 191 and more, on one short page.
    await admin.fill('#org-q', RUN);
    await admin.click('#org-search button[type=submit]');
    const item = admin.locator(`#org-list li[data-id="${CODE}"]`);
    await item.getByText(NAME).waitFor();
    assert.match(await item.textContent(), /每 2 个月公开/); // a village branch's cadence, by its type
    assert.match(await item.textContent(), /上级 YP-T01/);

    await item.getByRole('button', { name: '修改' }).click();
    assert.equal(await admin.inputValue('#org-code'), CODE);
    assert.equal(await admin.getAttribute('#org-code', 'readonly'), '', 'the code cannot change');
    await admin.fill('#org-name', RENAMED);
    await admin.fill('#org-cadence', '1');
    await admin.click('#org-submit');
    await item.getByText(RENAMED).waitFor();
    assert.match(await item.textContent(), /每月公开/);

    // Its content list: two catalog items ticked and saved, read back when opened again.
    await item.getByRole('button', { name: '公开目录' }).click();
    const list = item.locator('form.content-list');
    await list.locator('summary').first().click();
    await list.locator('input[name=itemCodes]').nth(0).check();
    await list.locator('input[name=itemCodes]').nth(1).check();
    await list.getByRole('button', { name: '保存公开目录' }).click();
    await list.locator('.form-status.notice:not(.error)').waitFor();
    await list.getByRole('button', { name: '收起' }).click();
    await item.getByRole('button', { name: '公开目录' }).click();
    await item.locator('form.content-list').waitFor();
    assert.equal(await item.locator('form.content-list input[name=itemCodes]:checked').count(), 2, 'the content list is read back');
  });

  it('approves one evaluation comment, which then shows publicly, and rejects another with a reason', async () => {
    const { items: [commitment] } = await json('/api/public/commitments?kind=SERVICE&size=1');
    const address = `10.${Math.floor(Math.random() * 200) + 20}.${Math.floor(Math.random() * 250)}`;
    await evaluate(commitment.id, APPROVED, `${address}.1`);
    await evaluate(commitment.id, REJECTED, `${address}.2`);

    await admin.reload();
    await admin.waitForSelector('#evaluation-moderation');
    await openPanel(admin, 'evaluation-moderation');
    const good = admin.locator('#evaluation-queue li', { hasText: APPROVED });
    assert.match(await good.textContent(), new RegExp(commitment.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      'the comment is shown with the commitment it is about');
    await good.getByRole('button', { name: '通过', exact: true }).click();
    await good.waitFor({ state: 'detached' });

    const bad = admin.locator('#evaluation-queue li', { hasText: REJECTED });
    await bad.getByRole('button', { name: '不予通过' }).click();
    await bad.getByRole('button', { name: '确定' }).click();
    await bad.locator('form.reason .field-error').waitFor(); // a reason is required, and said beside the field
    await bad.getByLabel('不予通过的理由').fill('含有与评议无关的广告内容');
    await bad.getByRole('button', { name: '确定' }).click();
    await bad.waitFor({ state: 'detached' });

    const shown = await eventually('the approved comment shows on the public commitment', async () => {
      const c = await json(`/api/public/commitments/${commitment.id}`);
      return c.comments.some((x) => x.comment === APPROVED) && c;
    });
    assert.ok(!shown.comments.some((x) => x.comment === REJECTED), 'the rejected comment stays hidden');
  });

  it('reads the rejection in the audit trail with who did it and why', async () => {
    await openPanel(admin, 'audit');
    await admin.selectOption('#audit-form select[name=action]', 'EvaluationCommentRejected');
    await admin.fill('#audit-form input[name=actor]', 'admin');
    await admin.click('#audit-form button[type=submit]:not([value])');
    const row = admin.locator('#audit-table tbody tr', { hasText: '含有与评议无关的广告内容' }).first();
    await row.waitFor();
    assert.match(await row.textContent(), /admin/);
    assert.match(await row.textContent(), /评议留言不予显示/);
  });

  it('creates a webhook subscription (a refused one says why beside the field), pauses, resumes and deletes it', async () => {
    await openPanel(admin, 'webhooks');
    await admin.check('#webhook-form input[name=types][value="cn.gov.partyaffairs.disclosure.DisclosurePublished.v1"]');
    await admin.click('#webhook-submit');
    await admin.locator('#webhook-url-error').waitFor();
    assert.match(await admin.textContent('#webhook-url-error'), /请填写接收地址/);
    assert.equal(await admin.isChecked('#webhook-form input[name=types][value="cn.gov.partyaffairs.disclosure.DisclosurePublished.v1"]'), true);

    await admin.fill('#webhook-url', HOOK);
    await admin.click('#webhook-submit');
    const secret = (await admin.locator('#webhook-secret code.secret').textContent()).trim();
    assert.ok(secret.length >= 16, 'the signing secret is shown once');
    const hook = admin.locator('#webhook-list li', { hasText: HOOK });
    await hook.and(admin.locator('[data-status=ACTIVE]')).waitFor();
    assert.match(await hook.textContent(), /公开事项发布/);

    await hook.getByRole('button', { name: '暂停' }).click();
    await hook.and(admin.locator('[data-status=PAUSED]')).waitFor();
    await openPanel(admin, 'organizations');
    await shot(admin, 'console-admin');
    await hook.getByRole('button', { name: '恢复' }).click();
    await hook.and(admin.locator('[data-status=ACTIVE]')).waitFor();

    await hook.getByRole('button', { name: '投递记录' }).click();
    await hook.locator('.delivery-log > *').first().waitFor();

    await hook.getByRole('button', { name: '删除', exact: true }).click();
    await hook.getByRole('button', { name: '确定删除' }).click();
    await hook.waitFor({ state: 'detached' });
  });

  it('grants the transport bureau\'s system a scope and revokes it (系统对接授权)', async () => {
    await openPanel(admin, 'systems');
    const system = admin.locator('#system-list > li[data-client="integration-demo"]');
    await system.waitFor();
    assert.match(await system.textContent(), /所属部门 YP-D-TRANSPORT/);
    const progress = () => system.locator('li[data-scope="commitments:progress"]');
    assert.equal(await progress().getAttribute('data-granted'), 'false');
    await progress().getByRole('button', { name: '授权' }).click();
    await system.locator('li[data-scope="commitments:progress"][data-granted="true"]').waitFor();
    assert.match(await admin.textContent('#system-status'), /已授予.*下次取得令牌时生效/);
    await progress().getByRole('button', { name: '撤销' }).click();
    await system.locator('li[data-scope="commitments:progress"][data-granted="false"]').waitFor();
  });

  it('lists the events no service could apply, waiting ones first, each with its replay (死信)', async () => {
    await openPanel(admin, 'dead-letters');
    await admin.locator('#dead-letter-list > li').first().waitFor();
    assert.equal(await admin.inputValue('#dead-letter-filter'), 'false');
    for (const li of await admin.locator('#dead-letter-list > li[data-id]').all()) {
      assert.equal(await li.getAttribute('data-replayed'), 'false');
    }
    await admin.selectOption('#dead-letter-filter', '');
    await admin.locator('#dead-letter-list > li').first().waitFor();
  });

  it('reads the catalog, and every admin area fits a 360 px phone', async () => {
    await openPanel(admin, 'catalog');
    assert.match(await admin.textContent('#catalog .notice'), /共 9 大类 57 项.*只供查阅/);
    assert.equal(await admin.locator('#catalog-list > li').count(), 9);

    const phone = await visitor(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await logIn(phone, 'admin');
    await phone.waitForSelector('#webhooks');
    for (const id of ['organizations', 'catalog', 'evaluation-moderation', 'webhooks', 'systems', 'dead-letters']) await openPanel(phone, id);
    await phone.locator('#catalog-list summary').first().click();
    await phone.locator('#org-list li button', { hasText: '公开目录' }).first().click();
    await phone.locator('#org-list form.content-list').waitFor();
    assert.equal(await overflows(phone), false, 'the admin console scrolls sideways at 360 px');
    await shot(phone, 'console-admin-phone');
    await phone.close();
  });
});
