// A member of the public registers (issue 18 part 1), in a real browser against the started suite: from the portal's
// 通知 page to Keycloak's registration form (in Chinese), the verification mail read from the suite's SMTP server
// (GreenMail), the password chosen after the address is verified (Keycloak 26 asks for it then, not in the form),
// back on the portal signed in as a citizen, following a village, and signing in again later with that password.
// A new person each run (the user name carries the time).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { simpleParser } from 'mailparser';
import { GATEWAY, launch, visitor, open, logIn, shot } from './helpers.mjs';

const gatewayPort = Number(new URL(GATEWAY).port || 80);
const MAIL_API = process.env.MAIL_API_URL || `http://localhost:${process.env.MAIL_API_PORT || gatewayPort - 8080 + 3085}`;
const USER = `qunzhong${Date.now()}`;
const EMAIL = `${USER}@county.example`;
const PASSWORD = 'Yuping-2026-register';
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The first mail GreenMail holds for the address, parsed (its parts decoded), once it has arrived. */
async function firstMail(address) {
  for (let i = 0; i < 120; i++) {
    const answer = await fetch(`${MAIL_API}/api/user/${encodeURIComponent(address)}/messages/INBOX`);
    const messages = answer.ok ? await answer.json() : [];
    if (messages.length) return simpleParser(messages[0].mimeMessage);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no mail to ${address}`);
}

describe('a member of the public registers with an e-mail address', () => {
  it('registers, verifies the address, chooses a password, follows a village and signs in again', async () => {
    const page = await visitor(browser);
    await open(page, 'notifications.html');
    await page.click('#citizen-register');

    // Keycloak's form, in the realm's default language.
    await page.waitForSelector('#kc-register-form');
    assert.match(await page.textContent('#kc-page-title'), /注册/);
    await page.fill('#username', USER);
    await page.fill('#email', EMAIL);
    await page.fill('#lastName', '杨');
    await page.fill('#firstName', '群众');
    await page.locator('#kc-register-form [type=submit]').click();

    // The verification mail: in Chinese, with a link back to Keycloak.
    const mail = await firstMail(EMAIL);
    assert.match(mail.subject, /验证/);
    const link = (mail.text || '').match(/https?:\/\/\S+action-token\?key=[\w.-]+\S*/);
    assert.ok(link, `a verification link in: ${mail.text}`);

    // Opened in the same browser, the verified address leads straight on to choosing the password.
    await page.goto(link[0]);
    await page.fill('#password-new', PASSWORD);
    await page.fill('#password-confirm', PASSWORD);
    await page.click('#kc-submit');

    // Back on the portal, signed in as a citizen, with the mail settings of the new address.
    await page.waitForURL(new RegExp(`^${GATEWAY}/notifications\\.html`));
    await page.waitForSelector('body[data-ready=true]');
    await page.waitForSelector('#citizen-logout');
    assert.match(await page.textContent('#who'), /杨群众/);
    assert.ok((await page.textContent('#email')).includes(EMAIL), 'the mail settings name the new address');
    assert.match(await page.textContent('#follows'), /尚未关注/);

    // A citizen's first follow, from the village's page in the same tab.
    await open(page, 'org.html?code=YP-V001');
    const follow = page.locator('button.follow');
    await follow.click();
    await page.locator('.follow-box [role=status]').filter({ hasText: '已关注' }).waitFor();
    await open(page, 'notifications.html');
    await page.locator('#follows li', { hasText: '鱼塘村党支部' }).waitFor();
    await shot(page, 'registered-citizen');

    // Later, in another browser: the chosen password signs the new account in.
    await page.click('#citizen-logout');
    const again = await visitor(browser);
    await logIn(again, USER, { from: 'notifications.html', button: '#citizen-login', signedIn: '#citizen-logout', password: PASSWORD });
    await again.locator('#follows li', { hasText: '鱼塘村党支部' }).waitFor();
    await Promise.all([page.close(), again.close()]);
  });
});
