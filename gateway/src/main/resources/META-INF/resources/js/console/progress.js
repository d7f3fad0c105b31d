// Progress reports on commitments: a department head's service commitments, a clerk's practical things.
import { el, t, label, milestoneList } from '../common.js';
import { call, section, field, sendingForm, emptyItem } from './ui.js';

const CLOSED = new Set(['FULFILLED', 'WITHDRAWN']);

function progressForm(c) {
  return sendingForm({ class: 'inline' }, [
    field('percent', t('完成百分比', 'Percent done'), el('input', { type: 'number', id: `p-${c.id}`, min: 0, max: 100, value: c.progressPercent ?? '' })),
    field('note', t('进展说明', 'Note'), el('input', { type: 'text', id: `n-${c.id}` })),
    field('reason', t('进度回退理由', 'Reason if lower'), el('input', { type: 'text', id: `r-${c.id}` })),
    el('button', { type: 'submit' }, t('报告进展', 'Report progress')),
  ], async (data) => {
    const updated = await call(`/api/v1/internal/commitments/${c.id}/progress`, { method: 'POST', body: {
      percent: data.get('percent') === '' ? null : Number(data.get('percent')), note: data.get('note') || null, reason: data.get('reason') || null } });
    const now = updated.progressPercent ?? data.get('percent');
    return t(`已报告：${now}%`, `Reported: ${now}%`);
  });
}

/** A warning when a milestone's date passed unreached (flagged by the commitment service). */
function missedNotice(c) {
  const missed = (c.milestones || []).filter((m) => m.missedAt && !m.reachedOn);
  return missed.length
    ? el('p', { class: 'notice error', 'data-kind': 'milestone-missed' }, t(`有 ${missed.length} 个节点到期未达成：${missed.map((m) => m.title).join('、')}`,
      `${missed.length} milestone(s) passed unreached: ${missed.map((m) => m.title).join(', ')}`))
    : null;
}

/** The open commitments a query finds, each with its progress form, its milestones and any missed. */
export async function progressSection(query, title) {
  const page = await call(`/api/v1/internal/commitments?${query}&size=100`);
  const list = el('ul', { class: 'list', id: 'progress' });
  for (const c of page.items.filter((x) => !CLOSED.has(x.status))) {
    list.append(el('li', { 'data-id': c.id }, el('strong', {}, c.title), ' ', el('span', { class: `tag ${c.status}` }, label('status', c.status)),
      el('div', { class: 'meta' }, t(`当前进度 ${c.progressPercent ?? 0}% · 时限 ${c.dueDate}`, `now ${c.progressPercent ?? 0}% · due ${c.dueDate}`)),
      missedNotice(c), milestoneList(c.milestones), progressForm(c)));
  }
  return section('commitments', title, emptyItem(list, t('暂无进行中的承诺', 'Nothing in progress')));
}
