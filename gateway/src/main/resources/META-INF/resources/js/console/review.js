// The competent organization (the parent organization's clerk) or the county admin: the queue of submissions, the
// review (审核: secrecy, necessity, accuracy), sending back with reasons, approval (审批) and publication.
import { el, t, date, label } from '../common.js';
import { call, section, sendingForm, actionButton, reasonButton, emptyItem } from './ui.js';

function reviewForm(d, refresh) {
  const check = (name, text) => el('label', {}, el('input', { type: 'checkbox', name, id: `${name}-${d.id}` }), text);
  return sendingForm({ class: 'review inline' }, [
    el('fieldset', {}, el('legend', {}, t('审核', 'Review')),
      check('secrecyChecked', t('已做保密审查', 'Secrecy checked')), ' ',
      check('necessary', t('确有必要公开', 'Necessary to disclose')), ' ',
      check('accurate', t('内容准确', 'Accurate'))),
    el('button', { type: 'submit' }, t('审核通过', 'Review: pass')),
  ], async (data) => {
    const yes = (name) => (data.get(name) ? true : null);
    await call(`/api/v1/internal/disclosures/${d.id}/review`, { method: 'POST',
      body: { secrecyChecked: yes('secrecyChecked'), necessary: yes('necessary'), accurate: yes('accurate') } });
    refresh();
    return null;
  });
}

/**
 * The badge of a waiting step the disclosure service reminded or escalated (working-day limits): only while the
 * disclosure still waits in that step.
 */
export function stepAlertBadge(d, alerts) {
  const a = alerts.get(d.id);
  if (!a || a.step !== d.status) return '';
  const level = a.alert === 'REMINDED' ? 'reminded' : 'escalated';
  return el('span', { class: `tag step-alert ${level}`, 'data-alert': a.alert,
    title: `${t('时限', 'Limit')} ${a.limitDate}` }, label('stepAlert', a.alert));
}

/** Submissions waiting for the caller: every organization's for the county admin, child organizations' for a clerk. */
export async function reviewSection(me, isAdmin, refresh) {
  const statuses = isAdmin ? ['SUBMITTED', 'REVIEWED', 'APPROVED'] : ['SUBMITTED', 'REVIEWED'];
  const [pages, alertList] = await Promise.all([
    Promise.all(statuses.map((s) => call(`/api/v1/internal/disclosures?status=${s}&size=50`))),
    call('/api/v1/internal/step-alerts').catch(() => []), // the badges are a help: the queue shows without them
  ]);
  const alerts = new Map(alertList.map((a) => [a.disclosureId, a]));
  const waiting = pages.flatMap((p) => p.items).filter((d) => isAdmin || d.organizationCode !== me.org_code);
  // Four eyes: whoever reviewed a disclosure is not offered its approval (the service refuses it, 403 four-eyes).
  const reviewers = new Map(await Promise.all(waiting.filter((d) => d.status === 'REVIEWED').map(async (d) => {
    const full = await call(`/api/v1/internal/disclosures/${d.id}`).catch(() => ({ steps: [] }));
    const step = [...(full.steps || [])].reverse().find((s) => s.statusAfter === 'REVIEWED');
    return [d.id, step?.actor];
  })));
  if (!isAdmin && !waiting.length) return null; // a village clerk reviews nobody: no empty queue on the page
  const list = el('ul', { class: 'list', id: 'review-queue' });
  for (const d of waiting) {
    const base = `/api/v1/internal/disclosures/${d.id}`;
    const actions = el('div', { class: 'actions' });
    if (d.status === 'SUBMITTED') actions.append(reviewForm(d, refresh));
    if (d.status === 'REVIEWED' && reviewers.get(d.id) === me.preferred_username) {
      actions.append(el('span', { class: 'meta four-eyes' }, t('您已审核此事项，须由另一位负责人审批（四眼原则）。',
        'You reviewed this one: another person approves it (four eyes).')), ' ');
    } else if (d.status === 'REVIEWED') {
      actions.append(actionButton(t('审批通过', 'Approve'), () => call(`${base}/approve`, { method: 'POST' }), refresh), ' ');
    }
    if (d.status === 'SUBMITTED' || d.status === 'REVIEWED') {
      actions.append(reasonButton(t('退回修改', 'Send back'), t('退回理由（将告知起草人）', 'Reasons (shown to the clerk)'),
        (reason) => call(`${base}/return`, { method: 'POST', body: { reason } }), refresh));
    }
    if (d.status === 'APPROVED') {
      actions.append(actionButton(t('公开', 'Publish'), () => call(`${base}/publish`, { method: 'POST', body: { channels: d.plannedChannels } }), refresh));
    }
    list.append(el('li', { 'data-id': d.id, 'data-status': d.status },
      el('strong', {}, d.title), ' ', el('span', { class: `tag ${d.status}` }, label('status', d.status)), ' ', stepAlertBadge(d, alerts),
      el('div', { class: 'meta' }, `${d.organizationName} · ${d.periodStart} ~ ${d.periodEnd} · ${label('scope', d.scope)} · ${t('计划公开', 'planned')} ${date(d.plannedPublicationAt)}`),
      el('details', {}, el('summary', {}, t('查看内容', 'Read the content')), el('p', { class: 'body' }, d.body)),
      actions));
  }
  return section('queue', t('审核审批队列', 'Review and approval queue'), emptyItem(list, t('暂无待办', 'Nothing waiting')));
}
