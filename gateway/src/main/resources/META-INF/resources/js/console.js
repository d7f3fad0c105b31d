import { api, el, t, date, label, LABELS, setUpLanguage, showProblem, clearProblem, notify } from './common.js';
import { login, logout, completeLogin, accessToken, claims } from './auth.js';

setUpLanguage();

const sections = document.getElementById('sections');

async function call(path, options = {}) {
  const token = await accessToken();
  if (!token) { await login(); throw new Error('login'); }
  return api(path, { ...options, token });
}

function section(id, title, ...children) {
  return el('section', { id, 'aria-labelledby': `${id}-title` }, el('h2', { id: `${id}-title` }, title), ...children);
}

function field(name, text, input) {
  input.id ||= `f-${name}`;
  input.name = name;
  return el('div', {}, el('label', { for: input.id }, text), input);
}

function localNow() {
  const d = new Date(Date.now() - new Date().getTimezoneOffset() * 60000);
  return d.toISOString().slice(0, 16);
}

/** 起草: the clerk's disclosure form. Saving keeps the draft's id, so a refused submit can be fixed and sent again. */
async function draftSection(orgCode, onChange) {
  const catalog = await call('/api/internal/catalog');
  let draftId = null;
  const form = el('form', { class: 'stack', id: 'draft-form', novalidate: true },
    el('div', { class: 'form-status', role: 'status' }),
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
      el('button', { type: 'submit', name: 'action', value: 'submit' }, t('提交审核', 'Submit for review'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    const data = new FormData(form);
    const planned = data.get('plannedPublicationAt');
    const content = {
      organizationCode: data.get('organizationCode'), title: data.get('title'), body: data.get('body'),
      itemCodes: data.getAll('itemCodes'), periodStart: data.get('periodStart') || null, periodEnd: data.get('periodEnd') || null,
      scope: data.get('scope') || null, plannedChannels: data.getAll('plannedChannels'),
      plannedPublicationAt: planned ? new Date(planned).toISOString() : null,
    };
    try {
      const saved = draftId
        ? await call(`/api/internal/disclosures/${draftId}`, { method: 'PUT', body: content })
        : await call('/api/internal/disclosures', { method: 'POST', body: content });
      draftId = saved.id;
      if (e.submitter?.value === 'submit') {
        await call(`/api/internal/disclosures/${draftId}/submit`, { method: 'POST', body: { attestNoSecrets: data.get('attestNoSecrets') ? true : null } });
        form.reset();
        form.elements.organizationCode.value = orgCode || '';
        draftId = null;
        notify(form, t('已提交审核。', 'Submitted for review.'));
      } else {
        notify(form, t('草稿已保存。', 'Draft saved.'));
      }
      onChange();
    } catch (error) {
      showProblem(form, error);
    }
  });
  return section('draft', t('起草公开事项', 'Draft a disclosure'), form);
}

function actionButton(text, run, after) {
  return el('button', { type: 'button', onclick: async (e) => {
    const li = e.target.closest('li');
    try { await run(); after(); } catch (error) {
      li.querySelector('.form-status')?.remove();
      li.append(el('p', { class: 'form-status notice error', role: 'alert' }, error.problem?.detail || error.message));
    }
  } }, text);
}

/** Disclosures in the caller's scope by status, with the step each one waits for. */
async function workflowSection(isAdmin, refresh) {
  const list = el('ul', { class: 'list', id: 'workflow' });
  const statuses = isAdmin ? ['SUBMITTED', 'REVIEWED', 'APPROVED'] : ['DRAFT', 'RETURNED', 'SUBMITTED', 'APPROVED'];
  const pages = await Promise.all(statuses.map((s) => call(`/api/internal/disclosures?status=${s}&size=50`)));
  const reload = () => refresh();
  for (const d of pages.flatMap((p) => p.items)) {
    const buttons = [];
    const base = `/api/internal/disclosures/${d.id}`;
    if (isAdmin && d.status === 'SUBMITTED') {
      buttons.push(actionButton(t('审核通过', 'Review: pass'), () => call(`${base}/review`, { method: 'POST', body: { secrecyChecked: true, necessary: true, accurate: true } }), reload));
      buttons.push(actionButton(t('退回修改', 'Send back'), () => call(`${base}/return`, { method: 'POST', body: { reason: prompt(t('退回理由', 'Reason')) || '' } }), reload));
    }
    if (isAdmin && d.status === 'REVIEWED') buttons.push(actionButton(t('审批通过', 'Approve'), () => call(`${base}/approve`, { method: 'POST' }), reload));
    if (d.status === 'APPROVED') buttons.push(actionButton(t('公开', 'Publish'), () => call(`${base}/publish`, { method: 'POST', body: { channels: d.plannedChannels } }), reload));
    list.append(el('li', { 'data-id': d.id, 'data-status': d.status },
      el('strong', {}, d.title), ' ', el('span', { class: 'tag' }, label('status', d.status)),
      el('div', { class: 'meta' }, `${d.organizationName} · ${d.periodStart} ~ ${d.periodEnd} · ${label('scope', d.scope)} · ${t('计划公开', 'planned')} ${date(d.plannedPublicationAt)}`),
      el('div', {}, ...buttons)));
  }
  if (!list.children.length) list.append(el('li', {}, t('暂无待办', 'Nothing waiting')));
  return section('queue', isAdmin ? t('审核审批队列', 'Review and approval queue') : t('本组织的公开事项', 'My organization\'s disclosures'), list);
}

async function moderationSection(refresh) {
  const pending = await call('/api/internal/comments/pending');
  const list = el('ul', { class: 'list', id: 'moderation' }, ...pending.map((c) => el('li', { 'data-id': c.id },
    el('div', {}, c.body), el('div', { class: 'meta' }, `${c.authorName || t('匿名群众', 'Anonymous')} · ${date(c.createdAt)} · `,
      el('a', { href: `disclosure.html?id=${c.disclosureId}` }, t('原文', 'disclosure'))),
    actionButton(t('通过', 'Approve'), () => call(`/api/internal/comments/${c.id}/approve`, { method: 'POST' }), refresh), ' ',
    actionButton(t('不予通过', 'Reject'), () => call(`/api/internal/comments/${c.id}/reject`, { method: 'POST', body: { reason: prompt(t('理由', 'Reason')) || '' } }), refresh))));
  if (!pending.length) list.append(el('li', {}, t('暂无待审评论', 'No comments waiting')));
  return section('comments', t('评论审核', 'Comment moderation'), list);
}

/** What the clerk's organization owes: the open period and the latest ones, with their due dates and whether kept. */
async function dueSection(organizationCode) {
  const periods = await call(`/api/internal/compliance?organization=${encodeURIComponent(organizationCode)}`);
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

/** Progress reports on the department's commitments (a head) or the organization's practical things (a clerk). */
async function progressSection(query, title) {
  const page = await call(`/api/internal/commitments?${query}&size=50`);
  const list = el('ul', { class: 'list', id: 'progress' });
  for (const c of page.items.filter((x) => x.status !== 'FULFILLED' && x.status !== 'WITHDRAWN')) {
    const form = el('form', { class: 'inline', novalidate: true },
      el('div', { class: 'form-status', role: 'status' }),
      field('percent', t('完成百分比', 'Percent done'), el('input', { type: 'number', id: `p-${c.id}`, min: 0, max: 100, value: c.progressPercent ?? '' })),
      field('note', t('进展说明', 'Note'), el('input', { type: 'text', id: `n-${c.id}` })),
      field('reason', t('进度回退理由', 'Reason if lower'), el('input', { type: 'text', id: `r-${c.id}` })),
      el('button', { type: 'submit' }, t('报告进展', 'Report progress')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearProblem(form);
      const data = new FormData(form);
      try {
        const updated = await call(`/api/internal/commitments/${c.id}/progress`, { method: 'POST', body: {
          percent: data.get('percent') === '' ? null : Number(data.get('percent')), note: data.get('note') || null, reason: data.get('reason') || null } });
        notify(form, t(`已报告：${updated.progressPercent ?? data.get('percent')}%`, `Reported: ${updated.progressPercent ?? data.get('percent')}%`));
      } catch (error) {
        showProblem(form, error);
      }
    });
    list.append(el('li', { 'data-id': c.id }, el('strong', {}, c.title), ' ', el('span', { class: `tag ${c.status}` }, label('status', c.status)),
      el('div', { class: 'meta' }, t(`当前进度 ${c.progressPercent ?? 0}% · 时限 ${c.dueDate}`, `now ${c.progressPercent ?? 0}% · due ${c.dueDate}`)), form));
  }
  if (!list.children.length) list.append(el('li', {}, t('暂无进行中的承诺', 'Nothing in progress')));
  return section('commitments', title, list);
}

async function render() {
  const token = await accessToken();
  const me = claims(token);
  const roles = me.realm_access?.roles || [];
  const isAdmin = roles.includes('county-admin');
  document.getElementById('who').replaceChildren(el('p', {},
    t(`当前用户：${me.preferred_username}`, `Signed in as ${me.preferred_username}`),
    me.org_code ? ` · ${me.org_code}` : '', me.department_code ? ` · ${me.department_code}` : '', ' ',
    el('button', { type: 'button', class: 'secondary', id: 'logout', onclick: logout }, t('退出', 'Log out'))));
  const refresh = () => render().catch(showFailure);
  const parts = [];
  if (roles.includes('org-clerk')) {
    parts.push(draftSection(me.org_code, refresh), dueSection(me.org_code), workflowSection(false, refresh),
      progressSection(`organization=${encodeURIComponent(me.org_code)}&kind=PRACTICAL_THING`, t('本组织的为民办实事', 'Our practical things')));
  }
  if (isAdmin) parts.push(workflowSection(true, refresh), moderationSection(refresh));
  if (roles.includes('department-head')) {
    parts.push(progressSection(`department=${encodeURIComponent(me.department_code)}`, t('本部门的公开服务承诺', 'Our department\'s commitments')));
  }
  const rendered = await Promise.all(parts);
  // The draft form is kept across refreshes so that nothing typed in it is lost.
  const draft = document.getElementById('draft');
  sections.replaceChildren(...rendered.map((s) => (s.id === 'draft' && draft ? draft : s)));
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
