// The inspector of guidance group YP-G01 in a real browser against the started suite with demo data: the group's
// units and their set-up tasks, an inspection recorded against the checklist (a refused score is said beside its
// field and nothing typed is lost), and a finding raised from it and taken through rectification to its close.
// Stands alone and may run again on the same data: the county office's round is planned here, texts are unique.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { GATEWAY, launch, visitor, logIn, shot, overflows } from './helpers.mjs';

const RUN = Date.now();
const ROUND = `浏览器测试督查 ${RUN}`;
const OBSERVATIONS = `公开栏更新及时，台账齐全（浏览器测试 ${RUN}）`;
const PROBLEM = `公开栏未标注公开时限（浏览器测试 ${RUN}）`;
/** A day counted from today, as the browser's calendar has it (same machine, same time zone). */
const day = (offset) => new Date(Date.now() + offset * 86_400_000 - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

let browser;
let page;
let unit; // the group's unit the county office puts in the round
let roundId;

/** As the county admin over the API (the CLI client's password grant): what the office does before the visit. */
async function asAdmin(path, { method = 'GET', body } = {}) {
  const { authServerUrl } = await (await fetch(`${GATEWAY}/web-config.json`)).json();
  const token = await fetch(`${authServerUrl}/protocol/openid-connect/token`, { method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'suite-cli', username: 'admin', password: 'demo' }) });
  assert.equal(token.status, 200, 'admin token');
  const response = await fetch(`${GATEWAY}/api/internal/${path}`, { method,
    headers: { Authorization: `Bearer ${(await token.json()).access_token}`, 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body) });
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
  return response.json();
}

before(async () => {
  browser = await launch();
  unit = (await asAdmin('units?group=YP-G01'))[0].code;
  roundId = (await asAdmin('rounds', { method: 'POST',
    body: { name: ROUND, startsOn: day(-1), endsOn: day(1), unitCodes: [unit] } })).id;
  page = await visitor(browser);
  await logIn(page, 'inspector');
});
after(async () => {
  await browser?.close();
  if (roundId) await asAdmin(`rounds/${roundId}/close`, { method: 'POST' }); // no open test rounds pile up
});

describe('the inspector console', () => {
  it('shows the group\'s units with their set-up tasks, and a task can be brought up to date', async () => {
    await page.waitForSelector('#units > li[data-id]');
    assert.match(await page.textContent('#my-group'), /YP-G01/);
    assert.ok(await page.locator('#units > li[data-id]').count() >= 2);
    const item = page.locator(`#units > li[data-id="${unit}"]`);
    await item.locator('summary').click();
    assert.equal(await item.locator('ul.tasks > li[data-task]').count(), 4);
    const task = () => item.locator('li[data-task=MATERIALS_LEDGERS]');
    const note = `台账已按月归档（浏览器测试 ${RUN}）`;
    await task().getByRole('button', { name: '更新' }).click();
    await task().getByLabel('状态').selectOption('DONE');
    await task().getByLabel('说明').fill(note);
    await task().getByRole('button', { name: '确定' }).click();
    await task().locator('.saved').waitFor();
    assert.equal(await task().getAttribute('data-status'), 'DONE');
    assert.match(await task().innerText(), new RegExp(`已完成[\\s\\S]*${RUN}`));
  });

  it('records an inspection with the checklist: a score over the maximum is refused beside it, the rest kept', async () => {
    const form = page.locator('#inspection-form');
    await form.locator('#f-round').selectOption(roundId);
    await form.locator(`#f-inspect-unit option[value="${unit}"]:not([disabled])`).waitFor({ state: 'attached' });
    await form.locator('#f-inspect-unit').selectOption(unit);
    const rows = form.locator('.score-row');
    const items = await rows.evaluateAll((all) => all.map((r) => ({ item: r.dataset.item, max: Number(r.querySelector('input[type=number]').max) })));
    assert.equal(items.length, 8);
    for (const { item, max } of items) await form.locator(`#score-${item}`).fill(String(max - 1));
    const first = items[0];
    await form.locator(`#score-${first.item}`).fill(String(first.max + 5));
    await form.locator(`#note-${first.item}`).fill('实施细则未经支委会讨论');
    await form.locator('#f-observations').fill(OBSERVATIONS);
    await form.getByRole('button', { name: '记录督查' }).click();

    const error = page.locator(`#score-${first.item}-error`);
    await error.waitFor();
    assert.match(await error.textContent(), new RegExp(`得分须在 0 到 ${first.max} 之间`));
    assert.equal(await page.getAttribute(`#score-${first.item}`, 'aria-invalid'), 'true');
    assert.equal(await page.inputValue(`#score-${first.item}`), String(first.max + 5), 'the refused score is kept');
    assert.equal(await page.inputValue(`#score-${items[1].item}`), String(items[1].max - 1), 'the other scores are kept');
    assert.equal(await page.inputValue(`#note-${first.item}`), '实施细则未经支委会讨论');
    assert.equal(await page.inputValue('#f-observations'), OBSERVATIONS);

    await form.locator(`#score-${first.item}`).fill(String(first.max - 2));
    await form.getByRole('button', { name: '记录督查' }).click();
    const total = items.reduce((n, { max }) => n + max - 1, 0) - 1;
    await form.locator('.form-status.notice:not(.error)').waitFor();
    assert.match(await form.locator('.form-status').textContent(), new RegExp(`已记录.*${total} / 100 分`));
    await page.locator('#inspections > li', { hasText: OBSERVATIONS }).waitFor({ state: 'attached' });
    await form.locator(`#f-inspect-unit option[value="${unit}"][disabled]`).waitFor({ state: 'attached' }); // once a round
  });

  it('raises a finding from the inspection and takes it through rectification to its close', async () => {
    const inspection = page.locator('#inspections > li', { hasText: OBSERVATIONS });
    await inspection.getByRole('button', { name: '记录发现的问题' }).click();
    const form = page.locator('#finding-form');
    const inspectionId = await inspection.getAttribute('data-id');
    await page.waitForFunction((id) => document.getElementById('f-inspectionId').value === id, inspectionId);
    assert.equal(await form.locator('#f-finding-unit').inputValue(), unit);
    await form.locator('#f-description').fill(PROBLEM);
    await form.locator('#f-severity').selectOption('MINOR');
    await form.locator('#f-responsible').fill('村党支部书记');
    await form.locator('#f-deadline').fill(day(10));
    await form.getByRole('button', { name: '记录问题' }).click();
    await form.locator('.form-status.notice:not(.error)').waitFor();

    const finding = page.locator('#findings > li', { hasText: PROBLEM });
    await page.locator('#findings > li[data-status=OPEN]', { hasText: PROBLEM }).waitFor();
    assert.match(await finding.innerText(), /待整改[\s\S]*还剩 10 天/);
    await finding.getByRole('button', { name: '报告整改' }).click();
    await finding.getByRole('button', { name: '确定' }).click();
    await finding.locator('.field-error').waitFor(); // evidence is required, and said beside the field
    assert.match(await finding.locator('.field-error').textContent(), /请填写整改佐证材料/);
    await finding.getByLabel(/整改佐证材料/).fill('补充公开时限标注后的公开栏照片 2 张');
    await finding.getByRole('button', { name: '确定' }).click();
    await page.locator('#findings > li[data-status=RECTIFICATION_REPORTED]', { hasText: PROBLEM }).waitFor();
    assert.match(await finding.innerText(), /整改待验收[\s\S]*整改佐证：补充公开时限标注后的公开栏照片 2 张/);
    assert.match(await page.textContent('#findings-status'), /已报告整改/);
    await finding.scrollIntoViewIfNeeded();
    await shot(page, 'console-inspector', { fullPage: false });

    await finding.getByRole('button', { name: '验收销号' }).click();
    await finding.getByLabel('验收意见（可选）').fill('现场核实，已整改到位');
    await finding.getByRole('button', { name: '确定' }).click();
    await finding.waitFor({ state: 'detached' });
    assert.match(await page.textContent('#findings-status'), /已验收销号/);
  });

  it('has no horizontal scroll on a 360 px phone', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.locator('#units > li details').first().evaluate((d) => { d.open = true; });
    await page.locator('#raise-finding').evaluate((d) => { d.open = true; });
    await page.locator('#findings > li').first().getByRole('button').first().click(); // a step's form opened
    assert.equal(await overflows(page), false, 'the inspector console scrolls sideways at 360 px');
    await shot(page, 'console-inspector-phone', { fullPage: false });
  });
});
