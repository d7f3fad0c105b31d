// The officials' console: who is signed in decides which parts are shown (a person may hold several roles).
import { el, t, setUpLanguage } from './common.js';
import { logout, completeLogin, accessToken, claims, login } from './auth.js';
import { clerkSections } from './console/clerk.js';
import { reviewSection } from './console/review.js';
import { progressSection } from './console/progress.js';
import { headSections } from './console/head.js';
import { adminSections } from './console/admin.js';
import { inspectorSections } from './console/inspector.js';
import { noticeSection } from './console/notices.js';

setUpLanguage();

const sections = document.getElementById('sections');

/** Sections kept across refreshes, because a person may be typing in them (nothing typed is ever lost). */
const KEPT = ['draft'];

async function render() {
  const token = await accessToken();
  if (!token) { await login(); return; }
  const me = claims(token);
  const roles = me.realm_access?.roles || [];
  const isAdmin = roles.includes('county-admin');
  document.getElementById('who').replaceChildren(el('p', {},
    t(`当前用户：${me.preferred_username}`, `Signed in as ${me.preferred_username}`),
    me.org_code ? ` · ${me.org_code}` : '', me.department_code ? ` · ${me.department_code}` : '', ' ',
    el('button', { type: 'button', class: 'secondary', id: 'logout', onclick: logout }, t('退出', 'Log out'))));
  const refresh = () => render().catch(showFailure);
  // The notifications of one's work first; the queue and forms below say what to do about them.
  const parts = [noticeSection(refresh).catch(() => null)];
  if (roles.includes('org-clerk')) {
    parts.push(...clerkSections(me, refresh), reviewSection(me, false, refresh),
      progressSection(`organization=${encodeURIComponent(me.org_code)}&kind=PRACTICAL_THING`, t('本组织的为民办实事', 'Our practical things')));
  }
  if (isAdmin) parts.push(reviewSection(me, true, refresh), ...adminSections(refresh));
  if (roles.includes('department-head')) parts.push(...headSections(me));
  if (roles.includes('inspector')) parts.push(...inspectorSections(me));
  const rendered = (await Promise.all(parts)).filter(Boolean);
  const kept = new Map(KEPT.map((id) => [id, document.getElementById(id)]));
  sections.replaceChildren(...rendered.map((s) => kept.get(s.id) || s));
  if (!rendered.length) sections.append(el('p', {}, t('您的角色在工作台中暂无可办事项。', 'Nothing for your role here yet.')));
  document.body.dataset.ready = 'true';
}

function showFailure(error) {
  if (error.message === 'login') return;
  sections.replaceChildren(el('p', { class: 'notice error', role: 'alert' }, error.problem?.detail || error.message));
}

try {
  if (await completeLogin()) {
    await render();
  } else {
    sections.replaceChildren(el('p', {}, t('请使用县党务公开账号登录。', 'Please log in with your county account.')),
      el('button', { type: 'button', id: 'login', onclick: () => login() }, t('登录', 'Log in')));
    document.body.dataset.ready = 'true';
  }
} catch (error) {
  showFailure(error);
}
