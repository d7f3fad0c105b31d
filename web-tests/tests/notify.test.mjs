// Follows and notifications (issue 18 part 1), in a real browser against the started suite with demo data: the demo
// citizen follows the demo village from its page (signing in through Keycloak from the 关注 button), a disclosure
// passes four people in the console (clerk drafts and submits, township reviews, approver approves, clerk
// publishes), the e-mail arrives in the suite's SMTP server (GreenMail, read through its API) and the notification
// shows in the portal's 通知 page with the unread count. May run again on the same data (an existing follow stays).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { GATEWAY, launch, visitor, open, logIn, callAs, shot } from './helpers.mjs';

const gatewayPort = Number(new URL(GATEWAY).port || 80);
const MAIL_API = process.env.MAIL_API_URL || `http://localhost:${process.env.MAIL_API_PORT || gatewayPort - 8080 + 3085}`;
const TITLE = `鱼塘村关注通知浏览器测试 ${Date.now()}`;
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The messages GreenMail holds for the address (none before the first mail to it). */
async function mailbox(address) {
  const answer = await fetch(`${MAIL_API}/api/user/${encodeURIComponent(address)}/messages/INBOX`);
  return answer.ok ? answer.json() : [];
}

async function eventually(what, check, tries = 120) {
  for (let i = 0; i < tries; i++) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`not in time: ${what}`);
}

describe('a citizen follows an organization and hears of its next disclosure', () => {
  it('follows from the page, four people publish, the mail arrives and the notification shows', async () => {
    const citizen = await visitor(browser);
    await open(citizen, 'org.html?code=YP-V001');
    const follow = citizen.locator('button.follow');
    assert.equal((await follow.textContent()).trim(), '关注');
    // Not signed in: the button signs in first and Keycloak brings the citizen back to this organization's page.
    await logIn(citizen, 'citizen', { from: 'org.html?code=YP-V001', button: 'button.follow', signedIn: 'button.follow' });
    if ((await follow.getAttribute('aria-pressed')) !== 'true') {
      await follow.click();
      await citizen.locator('.follow-box [role=status]').filter({ hasText: '已关注' }).waitFor();
    }
    assert.equal((await follow.textContent()).trim(), '取消关注');

    // Four different people: the service refuses anyone a second step of one disclosure (four eyes). The reviewer
    // signs in first: the gateway learns an official's address from their sign-in to the console.
    const township = await visitor(browser);
    await logIn(township, 'township');
    const clerk = await visitor(browser);
    await logIn(clerk, 'clerk');
    const today = new Date().toISOString().slice(0, 10);
    const draft = await callAs(clerk, '/api/v1/internal/disclosures', 'POST', {
      organizationCode: 'YP-V001', itemCodes: ['C8-01'], title: TITLE, body: '本期公开：村级集体经济项目收支情况。',
      periodStart: today, periodEnd: today, scope: 'PUBLIC', plannedChannels: ['disclosure-board'],
      plannedPublicationAt: new Date(Date.now() - 60_000).toISOString() });
    await callAs(clerk, `/api/v1/internal/disclosures/${draft.id}/submit`, 'POST', { attestNoSecrets: true });

    // The reviewer's console tells of the submission waiting for it (once the gateway has taken in the event).
    await eventually('the reviewer is told', async () => {
      await township.reload();
      await township.waitForSelector('body[data-ready=true]');
      return (await township.locator('#notices li', { hasText: TITLE }).count()) > 0;
    }, 30);
    const reviewing = township.locator('#review-queue li', { hasText: TITLE });
    await reviewing.getByLabel('已做保密审查').check();
    await reviewing.getByLabel('确有必要公开').check();
    await reviewing.getByLabel('内容准确').check();
    await reviewing.getByRole('button', { name: '审核通过' }).click();
    await township.waitForSelector(`#review-queue li[data-status=REVIEWED] >> text=${TITLE}`);
    assert.equal(await reviewing.getByRole('button', { name: '审批通过' }).count(), 0, 'who reviewed is not offered the approval');

    const approver = await visitor(browser);
    await logIn(approver, 'approver');
    await approver.locator('#review-queue li', { hasText: TITLE }).getByRole('button', { name: '审批通过' }).click();
    await approver.waitForSelector(`#review-queue li[data-status=APPROVED] >> text=${TITLE}`);

    await clerk.reload();
    await clerk.waitForSelector('body[data-ready=true]');
    await clerk.locator('#workflow li[data-status=APPROVED]', { hasText: TITLE }).getByRole('button', { name: '公开' }).click();
    await clerk.locator('#workflow li', { hasText: TITLE }).waitFor({ state: 'detached' });

    // The e-mail, in the suite's own SMTP server, once, in Chinese, with the one-click unsubscribe.
    const mails = await eventually('the mail arrives', async () => {
      const found = (await mailbox('citizen@county.example')).filter((m) => (m.subject || '').includes(TITLE));
      return found.length ? found : null;
    });
    assert.equal(mails.length, 1);
    assert.match(mails[0].subject, /鱼塘村党支部公开了/);
    assert.match(mails[0].mimeMessage, /List-Unsubscribe: <http/);

    // The portal: the unread count beside 通知, the notification on the page.
    await open(citizen, 'index.html');
    await citizen.waitForSelector('#unread-count');
    await open(citizen, 'notifications.html');
    const notice = citizen.locator('#inbox li', { hasText: TITLE });
    await notice.waitFor();
    assert.equal(await notice.getAttribute('class'), 'unread');
    assert.match(await citizen.textContent('#unread'), /条未读/);
    assert.match(await citizen.textContent('#follows'), /鱼塘村党支部/);
    await shot(citizen, 'portal-notifications');
    await Promise.all([citizen.close(), clerk.close(), township.close(), approver.close()]);
  });
});
