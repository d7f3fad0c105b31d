// 通知: a signed-in citizen's notifications (unread first marked), follows and mail settings. Officials read theirs
// in the console; this page also shows them when an official signs in here.
import { api, el, t, date, setUpLanguage, showProblem, clearProblem, notify } from './common.js';
import { accessToken, login, logout, register, claims, completeLogin } from './auth.js';

setUpLanguage();

try { await completeLogin(); } catch { /* a stale or foreign login: show the sign-in */ }
const token = await accessToken();
const who = token ? claims(token) : null;
const box = document.getElementById('who');

async function inbox(answer) {
  const page = answer || await api('/api/v1/me/notifications', { token: await accessToken() });
  document.getElementById('unread').textContent = page.unread
    ? t(`${page.unread} 条未读`, `${page.unread} unread`) : t('没有未读通知', 'Nothing unread');
  document.getElementById('inbox').replaceChildren(...page.items.map((n) => el('li', { class: n.read ? 'read' : 'unread', 'data-kind': n.kind },
    el('a', { href: n.link, onclick: () => { api(`/api/v1/me/notifications/${n.id}/read`, { method: 'POST', token }).catch(() => {}); } }, n.title),
    n.read ? '' : el('span', { class: 'tag' }, t('未读', 'unread')),
    el('div', {}, n.body), el('div', { class: 'meta' }, date(n.occurredAt)))));
  if (!page.items.length) document.getElementById('inbox').replaceChildren(el('li', {},
    t('还没有通知。关注党组织、承诺或公开类别后，有新公开、更正、撤回或进展时会通知您。',
      'No notifications yet. Follow an organization, a commitment or a category to hear of what is new.')));
}

async function follows(answer) {
  const list = answer || await api('/api/v1/me/follows', { token: await accessToken() });
  document.getElementById('follows').replaceChildren(...list.follows.map((f) => el('li', {},
    el('a', { href: f.link }, f.name), ' ', el('span', { class: 'meta' }, { ORGANIZATION: t('党组织', 'organization'), COMMITMENT: t('承诺', 'commitment'), CATEGORY: t('公开类别', 'category') }[f.kind]), ' ',
    el('button', { type: 'button', class: 'secondary', 'aria-label': `${t('取消关注', 'Unfollow')} ${f.name}`, onclick: async () => {
      follows(await api(`/api/v1/me/follows/${f.kind}/${encodeURIComponent(f.code)}`, { method: 'DELETE', token: await accessToken() }));
    } }, t('取消关注', 'Unfollow')))));
  if (!list.follows.length) document.getElementById('follows').replaceChildren(el('li', {}, t('尚未关注任何内容。', 'Nothing followed yet.')));
}

async function settings() {
  const s = await api('/api/v1/me/notification-settings', { token: await accessToken() });
  document.getElementById('email').textContent = s.email
    ? t(`邮件发往 ${s.email}（在账号中修改）`, `Mail goes to ${s.email}`) : t('账号没有电子邮箱，只在本页显示通知。', 'Your account has no e-mail address.');
  document.querySelector(`#delivery input[value="${s.delivery}"]`).checked = true;
}

const form = document.getElementById('delivery');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearProblem(form);
  try {
    await api('/api/v1/me/notification-settings', { method: 'PUT', token: await accessToken(), body: { delivery: new FormData(form).get('delivery') } });
    notify(form, t('已保存。', 'Saved.'));
  } catch (error) {
    showProblem(form, error);
  }
});
document.getElementById('read-all').addEventListener('click', async () => {
  inbox(await api('/api/v1/me/notifications/read', { method: 'POST', token: await accessToken() }));
});

if (who) {
  const name = who.family_name && who.given_name ? `${who.family_name}${who.given_name}` : who.preferred_username;
  box.replaceChildren(t(`已登录：${name}`, `Signed in as ${name}`), ' ',
    el('button', { type: 'button', class: 'secondary', id: 'citizen-logout', onclick: () => logout() }, t('退出登录', 'Log out')));
  document.getElementById('signed-in').hidden = false;
  const citizen = (who.realm_access?.roles || []).includes('citizen');
  await Promise.all([inbox(), settings(), citizen ? follows() : Promise.resolve()]);
  if (!citizen) document.getElementById('follows').replaceChildren(el('li', {}, t('关注供群众账号使用；工作人员的工作提醒也在工作台显示。', 'Follows are for citizens\' accounts.')));
} else {
  box.replaceChildren(t('登录后可关注党组织、承诺和公开类别，并在这里和邮箱收到通知。没有账号？注册只需邮箱验证。',
    'Sign in to follow organizations, commitments and categories and be notified here and by e-mail. No account? Register with your e-mail.'), ' ',
  el('button', { type: 'button', id: 'citizen-login', onclick: () => login() }, t('群众登录', 'Sign in')), ' ',
  el('button', { type: 'button', class: 'secondary', id: 'citizen-register', onclick: () => register() }, t('注册', 'Register')));
}
document.body.dataset.ready = 'true';
