// The clerk of an organization: draft, edit and submit disclosures; what is due and missed; the organization's own
// disclosures (drafts and returned ones reopen in the form, with the reviewer's reasons).
import { el, t, date, label, LABELS, notify } from '../common.js';
import { call, section, field, localNow, sendingForm, actionButton, emptyItem } from './ui.js';
import { stepAlertBadge } from './review.js';

const EDITABLE = new Set(['DRAFT', 'RETURNED']);

function toContent(data) {
  const planned = data.get('plannedPublicationAt');
  return {
    organizationCode: data.get('organizationCode'), title: data.get('title'), body: data.get('body'),
    itemCodes: data.getAll('itemCodes'), periodStart: data.get('periodStart') || null, periodEnd: data.get('periodEnd') || null,
    scope: data.get('scope') || null, plannedChannels: data.getAll('plannedChannels'),
    plannedPublicationAt: planned ? new Date(planned).toISOString() : null,
  };
}

function localDateTime(value) {
  if (!value) return '';
  const d = new Date(value);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

/**
 * 起草 and 修改: one form. Saving keeps the disclosure's id, so a refused submit can be fixed and sent again; a draft
 * or a returned disclosure is loaded into it with `form.load(disclosure)`.
 */
async function draftSection(orgCode, refresh) {
  const catalog = await call('/api/v1/internal/catalog');
  let draftId = null;
  const editing = el('p', { id: 'draft-editing', class: 'notice', hidden: true });
  const form = sendingForm({ class: 'stack', id: 'draft-form' }, [
    editing,
    field('organizationCode', t('公开组织代码', 'Organization code'), el('input', { type: 'text', value: orgCode || '', readonly: orgCode ? true : null })),
    field('title', t('标题', 'Title'), el('input', { type: 'text' })),
    field('body', t('公开内容', 'Content'), el('textarea', {})),
    el('fieldset', {}, el('legend', {}, t('公开目录事项', 'Catalog items')),
      ...catalog.map((c) => el('details', {}, el('summary', {}, `${c.code} ${c.name}`),
        ...c.items.map((i) => el('label', {}, el('input', { type: 'checkbox', name: 'itemCodes', value: i.code }), `${i.code} ${i.name}`))))),
    field('periodStart', t('所属期间开始', 'Period from'), el('input', { type: 'date' })),
    field('periodEnd', t('所属期间结束', 'Period to'), el('input', { type: 'date' })),
    field('scope', t('公开范围', 'Scope'), el('select', {}, el('option', { value: '' }, t('请选择', 'Choose')),
      ...Object.keys(LABELS.scope).map((s) => el('option', { value: s }, label('scope', s))))),
    el('fieldset', {}, el('legend', {}, t('公开方式', 'Channels')),
      ...Object.keys(LABELS.channel).map((c) => el('label', {}, el('input', { type: 'checkbox', name: 'plannedChannels', value: c }), label('channel', c)))),
    field('plannedPublicationAt', t('计划公开时间', 'Planned publication'), el('input', { type: 'datetime-local', value: localNow() })),
    el('div', {}, el('label', {}, el('input', { type: 'checkbox', name: 'attestNoSecrets', id: 'f-attestNoSecrets' }),
      t(' 本人确认公开内容不涉及党内秘密', ' I attest that this contains no party secrets'))),
    el('div', {},
      el('button', { type: 'submit', name: 'action', value: 'save', class: 'secondary' }, t('保存草稿', 'Save draft')), ' ',
      el('button', { type: 'submit', name: 'action', value: 'submit' }, t('提交审核', 'Submit for review')), ' ',
      el('button', { type: 'button', class: 'secondary', id: 'draft-new', onclick: () => startOver() }, t('新建', 'New'))),
  ], async (data, submitter) => {
    const content = toContent(data);
    const saved = draftId
      ? await call(`/api/v1/internal/disclosures/${draftId}`, { method: 'PUT', body: content })
      : await call('/api/v1/internal/disclosures', { method: 'POST', body: content });
    draftId = saved.id;
    if (submitter?.value === 'submit') {
      await call(`/api/v1/internal/disclosures/${draftId}/submit`, { method: 'POST', body: { attestNoSecrets: data.get('attestNoSecrets') ? true : null } });
      startOver();
      refresh();
      return t('已提交审核。', 'Submitted for review.');
    }
    refresh();
    return t('草稿已保存。', 'Draft saved.');
  });

  function startOver() {
    form.reset();
    form.elements.organizationCode.value = orgCode || '';
    form.elements.plannedPublicationAt.value = localNow();
    draftId = null;
    editing.hidden = true;
  }

  form.load = (d) => {
    startOver();
    draftId = d.id;
    const e = form.elements;
    e.organizationCode.value = d.organizationCode;
    e.title.value = d.title || '';
    e.body.value = d.body || '';
    e.periodStart.value = d.periodStart || '';
    e.periodEnd.value = d.periodEnd || '';
    e.scope.value = d.scope || '';
    e.plannedPublicationAt.value = localDateTime(d.plannedPublicationAt);
    for (const box of form.querySelectorAll('input[name=itemCodes]')) {
      box.checked = d.itemCodes.includes(box.value);
      if (box.checked) box.closest('details').open = true;
    }
    for (const box of form.querySelectorAll('input[name=plannedChannels]')) box.checked = d.plannedChannels.includes(box.value);
    const sentBack = [...(d.steps || [])].reverse().find((s) => s.statusAfter === 'RETURNED');
    editing.hidden = false;
    editing.replaceChildren(t(`正在修改：${d.title}`, `Editing: ${d.title}`),
      sentBack ? el('span', { class: 'return-reason' }, t(`（退回理由：${sentBack.reason}）`, ` (sent back: ${sentBack.reason})`)) : '');
    notify(form, '');
    form.scrollIntoView();
    e.title.focus();
  };
  return section('draft', t('起草公开事项', 'Draft a disclosure'), form);
}

/** What the clerk's organization owes: the open period and the latest ones, with their due dates and whether kept. */
async function dueSection(organizationCode) {
  const periods = await call(`/api/v1/internal/compliance?organization=${encodeURIComponent(organizationCode)}`);
  const latest = [...periods].reverse().slice(0, 6);
  const missing = periods.filter((p) => p.state === 'MISSING').length;
  return section('due', t('本组织公开期限', 'What we must disclose, and by when'),
    missing ? el('p', { class: 'notice error', role: 'alert' },
      t(`有 ${missing} 个期间未按期公开，请尽快补充公开。`, `${missing} period(s) not disclosed: please disclose them.`)) : null,
    el('table', { id: 'due-table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('期间', 'Period')), el('th', { scope: 'col' }, t('截止日期', 'Due by')),
        el('th', { scope: 'col' }, t('情况', 'State')))),
      el('tbody', {}, ...latest.map((p) => el('tr', { 'data-state': p.state },
        el('td', {}, `${p.periodStart} ~ ${p.periodEnd}`), el('td', {}, p.dueDate),
        el('td', {}, el('span', { class: `tag ${p.state}` }, label('status', p.state))))))));
}

/** The organization's own disclosures still in the workflow; drafts and returned ones open in the form. */
async function ownSection(orgCode, refresh) {
  const statuses = ['RETURNED', 'DRAFT', 'SUBMITTED', 'REVIEWED', 'APPROVED'];
  const [pages, alertList] = await Promise.all([
    Promise.all(statuses.map((s) => call(`/api/v1/internal/disclosures?status=${s}&organization=${encodeURIComponent(orgCode)}&size=50`))),
    call('/api/v1/internal/step-alerts').catch(() => []), // the badges are a help: the list shows without them
  ]);
  const alerts = new Map(alertList.map((a) => [a.disclosureId, a]));
  const list = el('ul', { class: 'list', id: 'workflow' });
  for (const d of pages.flatMap((p) => p.items).filter((x) => x.organizationCode === orgCode)) {
    const buttons = [];
    if (EDITABLE.has(d.status)) {
      buttons.push(el('button', { type: 'button', class: 'secondary', onclick: async () => {
        const full = await call(`/api/v1/internal/disclosures/${d.id}`);
        document.getElementById('draft-form').load(full);
      } }, t('修改', 'Edit')));
    }
    if (d.status === 'APPROVED') {
      buttons.push(actionButton(t('公开', 'Publish'), () => call(`/api/v1/internal/disclosures/${d.id}/publish`, { method: 'POST', body: { channels: d.plannedChannels } }), refresh));
    }
    list.append(el('li', { 'data-id': d.id, 'data-status': d.status },
      el('strong', {}, d.title), ' ', el('span', { class: `tag ${d.status}` }, label('status', d.status)), ' ', stepAlertBadge(d, alerts),
      el('div', { class: 'meta' }, `${d.periodStart} ~ ${d.periodEnd} · ${label('scope', d.scope)} · ${t('计划公开', 'planned')} ${date(d.plannedPublicationAt)}`),
      el('div', {}, ...buttons)));
  }
  return section('mine', t('本组织的公开事项', 'My organization\'s disclosures'), emptyItem(list, t('暂无进行中的公开事项', 'Nothing in the workflow')));
}

export function clerkSections(me, refresh) {
  return [draftSection(me.org_code, refresh), dueSection(me.org_code), ownSection(me.org_code, refresh)];
}
