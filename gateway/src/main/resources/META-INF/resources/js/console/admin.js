// The county admin: moderation of the public's comments on disclosures.
import { el, t, date } from '../common.js';
import { call, section, actionButton, reasonButton, emptyItem } from './ui.js';

async function commentModeration(refresh) {
  const pending = await call('/api/internal/comments/pending');
  const list = el('ul', { class: 'list', id: 'moderation' }, ...pending.map((c) => el('li', { 'data-id': c.id },
    el('div', {}, c.body), el('div', { class: 'meta' }, `${c.authorName || t('匿名群众', 'Anonymous')} · ${date(c.createdAt)} · `,
      el('a', { href: `disclosure.html?id=${c.disclosureId}` }, t('原文', 'disclosure'))),
    actionButton(t('通过', 'Approve'), () => call(`/api/internal/comments/${c.id}/approve`, { method: 'POST' }), refresh), ' ',
    reasonButton(t('不予通过', 'Reject'), t('不予通过的理由', 'Why it is rejected'),
      (reason) => call(`/api/internal/comments/${c.id}/reject`, { method: 'POST', body: { reason } }), refresh))));
  return section('comments', t('评论审核', 'Comment moderation'), emptyItem(list, t('暂无待审评论', 'No comments waiting')));
}

export function adminSections(refresh) {
  return [commentModeration(refresh)];
}
