// A citizen's follows (关注) on the portal's pages, and the unread count beside 通知 in the header. A follow needs an
// account (role citizen): the button signs the visitor in first, and Keycloak brings them back to the same page.
import { api, el, t } from './common.js';
import { completeLogin, accessToken, login, claims } from './auth.js';

let citizen = null;
let following = null;

/**
 * Finishes a sign-in that came back from Keycloak (restoring the page's query) and says who is signed in as a
 * citizen, or null. Call it before reading location.search.
 */
export async function citizenSignIn() {
  try { await completeLogin(); } catch { /* a stale or foreign login: go on as the public */ }
  const token = await accessToken();
  const who = token ? claims(token) : null;
  citizen = who && (who.realm_access?.roles || []).includes('citizen') ? who : null;
  if (citizen) unreadCount();
  return citizen;
}

/** The header's 通知 link shows how many notifications are unread. */
async function unreadCount() {
  const link = document.querySelector('header.site a[href="notifications.html"]');
  if (!link) return;
  try {
    const inbox = await api('/api/v1/me/notifications', { token: await accessToken() });
    document.getElementById('unread-count')?.remove();
    if (inbox.unread) link.append(' ', el('span', { class: 'badge', id: 'unread-count' }, String(inbox.unread)));
  } catch { /* the count is a convenience; the page works without it */ }
}

async function follows() {
  following ??= api('/api/v1/me/follows', { token: await accessToken() }).then((answer) => answer.follows);
  return following;
}

/** A 关注 / 取消关注 button for an organization (its code), a commitment (its id) or a catalog category (C1 …). */
export async function followButton(kind, code, name) {
  let followed = citizen ? (await follows().catch(() => [])).some((f) => f.kind === kind && f.code === code) : false;
  const button = el('button', { type: 'button', class: 'secondary follow', 'data-kind': kind, 'data-code': code });
  const status = el('span', { class: 'meta', role: 'status' });
  const show = () => {
    button.textContent = followed ? t('取消关注', 'Unfollow') : t('关注', 'Follow');
    button.setAttribute('aria-pressed', String(followed));
    button.setAttribute('aria-label', `${followed ? t('取消关注', 'Unfollow') : t('关注', 'Follow')} ${name}`);
  };
  show();
  button.addEventListener('click', async () => {
    if (!citizen) {
      login(); // back here signed in; a click then follows
      return;
    }
    const token = await accessToken();
    try {
      if (followed) {
        await api(`/api/v1/me/follows/${kind}/${encodeURIComponent(code)}`, { method: 'DELETE', token });
      } else {
        await api('/api/v1/me/follows', { method: 'POST', token, body: { kind, code } });
      }
      followed = !followed;
      following = null;
      show();
      status.textContent = followed ? t('已关注：有新公开或进展时会通知您（通知页面可选择邮件方式）。', 'Followed: you will be notified.')
        : t('已取消关注。', 'No longer followed.');
    } catch (error) {
      status.textContent = error.message;
    }
  });
  return el('span', { class: 'follow-box' }, button, ' ', status);
}
