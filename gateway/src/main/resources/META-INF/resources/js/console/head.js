// A department head: the department's public service commitments with their progress forms, and what the public
// said of them (ratings and the approved comments).
import { el, t, date, label, percent } from '../common.js';
import { call, section, emptyItem } from './ui.js';
import { progressSection } from './progress.js';

async function evaluationsSection(departmentCode) {
  const page = await call(`/api/v1/internal/commitments?department=${encodeURIComponent(departmentCode)}&size=100`);
  const summaries = await Promise.all(page.items.map((c) => call(`/api/v1/internal/commitments/${c.id}/evaluations`)));
  const rows = page.items.map((c, i) => ({ c, s: summaries[i] })).filter(({ s }) => s.evaluations > 0);
  const total = rows.reduce((n, { s }) => n + s.evaluations, 0);
  const list = el('ul', { class: 'list', id: 'evaluations-received' }, ...rows.map(({ c, s }) => {
    const r = s.ratings || {};
    return el('li', { 'data-id': c.id },
      el('strong', {}, c.title),
      el('div', { class: 'meta' }, t(
        `共 ${s.evaluations} 次评议 · 满意 ${r.SATISFIED || 0} · 基本满意 ${r.BASICALLY_SATISFIED || 0} · 不满意 ${r.DISSATISFIED || 0} · 满意率 ${percent(s.satisfactionRate)}`,
        `${s.evaluations} evaluations · ${r.SATISFIED || 0} satisfied · ${r.BASICALLY_SATISFIED || 0} basically · ${r.DISSATISFIED || 0} not · ${percent(s.satisfactionRate)}`)),
      s.comments.length ? el('ul', { class: 'comments' }, ...s.comments.map((e) => el('li', {},
        el('span', { class: `tag ${e.rating}` }, label('rating', e.rating)), ' ', e.comment, ' ',
        el('span', { class: 'meta' }, date(e.createdAt))))) : null);
  }));
  return section('evaluations', t(`收到的群众评议（${total} 次）`, `Evaluations received (${total})`),
    emptyItem(list, t('暂无群众评议', 'No evaluations yet')));
}

export function headSections(me) {
  return [
    progressSection(`department=${encodeURIComponent(me.department_code)}`, t('本部门的公开服务承诺', 'Our department\'s commitments')),
    evaluationsSection(me.department_code),
  ];
}
