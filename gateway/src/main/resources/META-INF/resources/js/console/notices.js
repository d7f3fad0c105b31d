// 工作提醒: the notifications of an official's work (a disclosure waiting for review or approval, one returned or
// approved, a step's limit coming, a rectification reported), the same that go by mail.
import { el, t, date } from '../common.js';
import { call, section, actionButton, emptyItem } from './ui.js';

export async function noticeSection(refresh) {
  const inbox = await call('/api/v1/me/notifications');
  const list = el('ul', { class: 'list', id: 'notices' }, ...inbox.items.slice(0, 20).map((n) => el('li', {
    class: n.read ? 'read' : 'unread', 'data-kind': n.kind },
  el('strong', {}, n.title), n.read ? '' : [' ', el('span', { class: 'tag' }, t('未读', 'unread'))],
  el('div', {}, n.body), el('div', { class: 'meta' }, date(n.occurredAt)))));
  const title = inbox.unread ? t(`工作提醒（${inbox.unread} 条未读）`, `Notifications (${inbox.unread} unread)`) : t('工作提醒', 'Notifications');
  return section('notices-section', title,
    inbox.unread ? actionButton(t('全部标为已读', 'Mark all read'), () => call('/api/v1/me/notifications/read', { method: 'POST' }), refresh) : null,
    emptyItem(list, t('暂无提醒', 'Nothing new')));
}
