// The county admin: moderation of the public's comments on disclosures and on commitments, the organization register
// with each organization's content list, the county catalog (read only), other departments' webhook subscriptions
// and what their systems may do, the annual report, the audit trail and the events no service could apply (死信).
// Each admin area is a folding panel that reloads only itself, so a refresh elsewhere on the page neither closes it
// nor loses what is being typed in it.
import { api, el, t, date, label, LABELS, fill, ApiError } from '../common.js';
import { call, section, field, sendingForm, actionButton, reasonButton, emptyItem, download } from './ui.js';

async function commentModeration(refresh) {
  const pending = await call('/api/v1/internal/comments/pending');
  const list = el('ul', { class: 'list', id: 'moderation' }, ...pending.map((c) => el('li', { 'data-id': c.id },
    el('div', {}, c.body), el('div', { class: 'meta' }, `${c.authorName || t('匿名群众', 'Anonymous')} · ${date(c.createdAt)} · `,
      el('a', { href: `disclosure.html?id=${c.disclosureId}` }, t('原文', 'disclosure'))),
    actionButton(t('通过', 'Approve'), () => call(`/api/v1/internal/comments/${c.id}/approve`, { method: 'POST' }), refresh), ' ',
    reasonButton(t('不予通过', 'Reject'), t('不予通过的理由', 'Why it is rejected'),
      (reason) => call(`/api/v1/internal/comments/${c.id}/reject`, { method: 'POST', body: { reason } }), refresh))));
  return section('comments', t('评论审核', 'Comment moderation'), emptyItem(list, t('暂无待审评论', 'No comments waiting')));
}

/**
 * A folding admin area: a section whose heading is the summary of a <details>. Built once: a later render of the
 * console keeps the panel already on the page (open or closed, with whatever is typed in it).
 */
async function panel(id, title, build, { open = false } = {}) {
  const existing = document.getElementById(id);
  if (existing) return existing;
  const body = el('div', { class: 'panel-body' });
  const details = el('details', { class: 'panel', open },
    el('summary', {}, el('h2', { id: `${id}-title` }, title)), body);
  const host = el('section', { id, 'aria-labelledby': `${id}-title` }, details);
  await build(body, details);
  return host;
}

/** Previous/next buttons and "page x of y" under a paged list. */
function pager(result, go) {
  const pages = Math.max(1, Math.ceil(result.total / result.size));
  return el('div', { class: 'pager' },
    el('button', { type: 'button', class: 'secondary', 'data-go': 'prev', disabled: result.page === 0, onclick: () => go(result.page - 1) },
      t('上一页', 'Previous')), ' ',
    el('span', { class: 'meta' }, t(`第 ${result.page + 1} / ${pages} 页，共 ${result.total} 条`,
      `Page ${result.page + 1} of ${pages}, ${result.total} in all`)), ' ',
    el('button', { type: 'button', class: 'secondary', 'data-go': 'next', disabled: result.page + 1 >= pages, onclick: () => go(result.page + 1) },
      t('下一页', 'Next')));
}

/** The catalog is the same for every panel that needs it: read once. */
let catalogRead;
function catalog() {
  catalogRead ||= call('/api/v1/internal/catalog').catch((e) => { catalogRead = null; throw e; });
  return catalogRead;
}


// ---------------------------------------------------------------------------------------------------------------
// Organizations

function cadenceText(months) {
  return months === 1 ? t('每月公开', 'monthly') : t(`每 ${months} 个月公开`, `every ${months} months`);
}

/** The organization's content list (公开的内容和目录): the catalog items it discloses, settled by ticking them. */
async function contentListForm(o, host) {
  const [settled, categories] = await Promise.all([
    call(`/api/v1/internal/organizations/${encodeURIComponent(o.code)}/content-list`), catalog()]);
  const chosen = new Set(settled.itemCodes);
  const count = el('p', { class: 'meta' });
  const showCount = () => {
    const n = form.querySelectorAll('input[name=itemCodes]:checked').length;
    count.textContent = chosen.size || n
      ? t(`已选 ${n} 项公开事项`, `${n} catalog items chosen`)
      : t('尚未确定公开目录：请勾选本组织公开的事项。', 'No content list yet: tick the items this organization discloses.');
  };
  const form = sendingForm({ class: 'stack content-list', 'data-code': o.code }, [
    count,
    el('fieldset', {}, el('legend', {}, t('公开目录事项', 'Catalog items')),
      ...categories.map((c) => {
        const boxes = c.items.map((i) => el('label', {},
          el('input', { type: 'checkbox', name: 'itemCodes', value: i.code, checked: chosen.has(i.code), onchange: showCount }),
          `${i.code} ${i.name}`));
        return el('details', { open: c.items.some((i) => chosen.has(i.code)) },
          el('summary', {}, `${c.code} ${c.name}`), ...boxes);
      })),
    el('div', {}, el('button', { type: 'submit' }, t('保存公开目录', 'Save content list')), ' ',
      el('button', { type: 'button', class: 'secondary', onclick: () => form.remove() }, t('收起', 'Close'))),
  ], async (data) => {
    const saved = await call(`/api/v1/internal/organizations/${encodeURIComponent(o.code)}/content-list`,
      { method: 'PUT', body: { itemCodes: data.getAll('itemCodes') } });
    chosen.clear();
    saved.itemCodes.forEach((c) => chosen.add(c));
    showCount();
    return t(`公开目录已保存（${saved.itemCodes.length} 项）。`, `Content list saved (${saved.itemCodes.length} items).`);
  });
  showCount();
  host.append(form);
}

async function organizations(body) {
  const types = Object.keys(LABELS.orgType);
  const typeOptions = (blank) => [el('option', { value: '' }, blank), ...types.map((k) => el('option', { value: k }, label('orgType', k)))];
  let editing = null; // the code of the organization loaded into the form, or null when registering
  let page = 0;

  const search = el('form', { class: 'inline', id: 'org-search', role: 'search', onsubmit: (e) => { e.preventDefault(); load(0); } },
    field('q', t('名称或代码', 'Name or code'), el('input', { type: 'search', id: 'org-q' })),
    field('type', t('组织类型', 'Type'), el('select', { id: 'org-type' }, ...typeOptions(t('全部类型', 'All types')))),
    el('button', { type: 'submit' }, t('查找', 'Search')));
  const list = el('ul', { class: 'list', id: 'org-list' });
  const pages = el('div');

  const heading = el('h3', { id: 'org-form-title' }, t('登记新组织', 'Register an organization'));
  const form = sendingForm({ class: 'stack', id: 'org-form' }, [
    field('code', t('组织代码（登记后不能修改）', 'Code (cannot change later)'),
      el('input', { type: 'text', id: 'org-code', placeholder: 'YP-V201', autocomplete: 'off' })),
    field('name', t('组织名称', 'Name'), el('input', { type: 'text', id: 'org-name' })),
    field('type', t('组织类型', 'Type'), el('select', { id: 'org-type-field' }, ...typeOptions(t('请选择', 'Choose')))),
    field('parentCode', t('上级组织代码（县委可不填）', 'Parent organization code (none for the county committee)'),
      el('input', { type: 'text', id: 'org-parent', placeholder: 'YP-T01', autocomplete: 'off' })),
    field('cadenceMonths', t('公开周期（月，不填则按组织类型：乡镇党委和县直属每月，其他每两个月）',
      'Cadence in months (empty: by type, monthly or every two months)'),
      el('input', { type: 'number', id: 'org-cadence', min: 1, max: 12, inputmode: 'numeric' })),
    field('disclosingSince', t('开始公开日期（不填则从今天起）', 'Disclosing since (empty: today)'),
      el('input', { type: 'date', id: 'org-since' })),
    el('div', {},
      el('button', { type: 'submit', id: 'org-submit' }, t('登记', 'Register')), ' ',
      el('button', { type: 'button', class: 'secondary', id: 'org-new', onclick: () => startOver() }, t('清空', 'Clear'))),
  ], async (data) => {
    const cadence = data.get('cadenceMonths');
    const request = {
      code: (data.get('code') || '').trim(), name: data.get('name'), type: data.get('type'),
      parentCode: (data.get('parentCode') || '').trim() || null,
      cadenceMonths: cadence === '' || cadence === null ? null : Number(cadence),
      disclosingSince: data.get('disclosingSince') || null,
    };
    const saved = editing
      ? await call(`/api/v1/internal/organizations/${encodeURIComponent(editing)}`, { method: 'PUT', body: request })
      : await call('/api/v1/internal/organizations', { method: 'POST', body: request });
    const was = editing;
    startOver();
    search.elements.q.value = saved.code;
    search.elements.type.value = '';
    await load(0);
    return was ? t(`已保存 ${saved.name} 的修改。`, `${saved.name} updated.`)
      : t(`已登记 ${saved.name}（${saved.code}）。`, `${saved.name} (${saved.code}) registered.`);
  });

  function startOver() {
    form.reset();
    editing = null;
    form.elements.code.readOnly = false;
    form.elements.disclosingSince.closest('div').hidden = false;
    heading.textContent = t('登记新组织', 'Register an organization');
    form.querySelector('#org-submit').textContent = t('登记', 'Register');
  }

  function edit(o) {
    startOver();
    editing = o.code;
    const e = form.elements;
    e.code.value = o.code;
    e.code.readOnly = true;
    e.name.value = o.name;
    e.type.value = o.type;
    e.parentCode.value = o.parentCode || '';
    e.cadenceMonths.value = o.cadenceMonths;
    e.disclosingSince.closest('div').hidden = true; // fixed at registration
    heading.textContent = t(`修改：${o.name}`, `Edit: ${o.name}`);
    form.querySelector('#org-submit').textContent = t('保存修改', 'Save changes');
    form.scrollIntoView({ block: 'start' });
    e.name.focus();
  }

  function item(o) {
    const actions = el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'secondary', onclick: () => edit(o) }, t('修改', 'Edit')), ' ',
      el('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', onclick: async (e) => {
        const li = e.target.closest('li');
        const open = li.querySelector('form.content-list');
        e.target.setAttribute('aria-expanded', String(!open));
        if (open) { open.remove(); return; }
        await contentListForm(o, li);
      } }, t('公开目录', 'Content list')), ' ',
      o.active ? reasonButton(t('撤销', 'Deactivate'), t('撤销理由', 'Why it is taken off the register'),
        (reason) => call(`/api/v1/internal/organizations/${encodeURIComponent(o.code)}/deactivate`, { method: 'POST', body: { reason } }),
        () => load(page)) : null);
    return el('li', { 'data-id': o.code, 'data-active': String(o.active) },
      el('strong', {}, o.name), ' ', el('span', { class: 'tag' }, label('orgType', o.type)),
      o.active ? null : el('span', { class: 'tag MISSING' }, t('已撤销', 'Deactivated')),
      el('div', { class: 'meta' }, [o.code, o.parentCode ? t(`上级 ${o.parentCode}`, `under ${o.parentCode}`) : null,
        cadenceText(o.cadenceMonths)].filter(Boolean).join(' · ')),
      actions);
  }

  async function load(to) {
    const q = search.elements.q.value.trim();
    const type = search.elements.type.value;
    const params = new URLSearchParams({ page: to, size: 10 });
    if (q) params.set('q', q);
    if (type) params.set('type', type);
    const result = await call(`/api/v1/internal/organizations?${params}`);
    page = result.page;
    fill(list, result.items.map(item));
    emptyItem(list, t('没有符合条件的组织', 'No organization matches'));
    fill(pages, pager(result, (p) => load(p).catch(() => {})));
  }

  await load(0);
  fill(body,
    el('p', { class: 'meta' }, t('全县党组织名册：查找、登记、修改或撤销组织，确定各组织的公开目录。',
      'The county register: find, register, edit or deactivate organizations and settle their content lists.')),
    search, list, pages, heading, form);
}

// ---------------------------------------------------------------------------------------------------------------
// Catalog (read only: no write API; the county sets it by regulation)

async function catalogView(body) {
  const categories = await catalog();
  const items = categories.reduce((n, c) => n + c.items.length, 0);
  const when = (i) => (i.timing === 'EVENT' && i.withinDays ? t(`事后 ${i.withinDays} 日内公开`, `within ${i.withinDays} days`)
    : label('timing', i.timing));
  const item = (i) => el('li', { 'data-id': i.code },
    el('strong', {}, `${i.code} ${i.name}`),
    el('div', { class: 'meta' }, [label('scope', i.scope), when(i),
      (i.channels || []).filter(Boolean).map((ch) => label('channel', ch)).join('、')].filter(Boolean).join(' · ')));
  const category = (c) => el('li', { 'data-id': c.code },
    el('details', {},
      el('summary', {}, `${c.code} ${c.name}`, el('span', { class: 'meta' }, t(`（${c.items.length} 项）`, ` (${c.items.length})`))),
      el('ul', { class: 'catalog-items' }, ...c.items.map(item))));
  fill(body,
    el('p', { class: 'notice' }, t(
      `全县党务公开目录共 ${categories.length} 大类 ${items} 项，由县委按党务公开有关规定制定，此处只供查阅，不能在系统中修改。`,
      `The county catalog: ${categories.length} categories, ${items} items. It is set by the county's regulation; it can be read here, not changed.`)),
    el('ul', { class: 'list', id: 'catalog-list' }, ...categories.map(category)));
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation moderation (群众评议 comments, held until approved)

async function evaluationModeration(body) {
  const list = el('ul', { class: 'list', id: 'evaluation-queue' });
  const status = el('span', { class: 'meta' });

  async function load() {
    const pending = await call('/api/v1/internal/evaluations/pending');
    const ids = [...new Set(pending.map((e) => e.commitmentId))];
    const found = await Promise.all(ids.map((id) => call(`/api/v1/internal/commitments/${id}`).catch(() => null)));
    const commitments = new Map(ids.map((id, i) => [id, found[i]]));
    status.textContent = t(`待审核 ${pending.length} 条`, `${pending.length} waiting`);
    fill(list, pending.map((e) => {
      const c = commitments.get(e.commitmentId);
      return el('li', { 'data-id': e.id },
        el('span', { class: `tag ${e.rating}` }, label('rating', e.rating)), ' ', el('span', { class: 'comment' }, e.comment),
        el('div', { class: 'meta' }, t('评议对象：', 'About: '),
          el('a', { href: `commitments.html?q=${encodeURIComponent(c?.title || '')}` }, c?.title || e.commitmentId),
          c ? ` · ${c.departmentName || c.organizationName || ''}` : '', ` · ${date(e.createdAt)}`),
        el('div', { class: 'actions' },
          actionButton(t('通过', 'Approve'), () => call(`/api/v1/internal/evaluations/${e.id}/approve`, { method: 'POST' }), reload), ' ',
          reasonButton(t('不予通过', 'Reject'), t('不予通过的理由', 'Why it is rejected'),
            (reason) => call(`/api/v1/internal/evaluations/${e.id}/reject`, { method: 'POST', body: { reason } }), reload)));
    }));
    emptyItem(list, t('暂无待审核的评议意见', 'No evaluation comments waiting'));
  }
  const reload = () => load().catch((error) => { status.textContent = error.problem?.detail || error.message; });

  await load();
  fill(body,
    el('p', { class: 'meta' }, t('群众对承诺的评议意见，审核通过后才公开显示；不予通过的，评议等级仍然计入满意率。',
      'The public\'s comments on commitments show only once approved; a rejected comment\'s rating still counts.')),
    el('p', {}, status, ' ', el('button', { type: 'button', class: 'secondary', id: 'evaluation-reload', onclick: reload }, t('刷新', 'Refresh'))),
    list);
}

// ---------------------------------------------------------------------------------------------------------------
// Webhook subscriptions (other departments' systems receive the public events)

const EVENT_TYPES = [
  ['disclosure.DisclosurePublished', '公开事项发布', 'Disclosure published'],
  ['disclosure.DisclosureCorrected', '公开事项更正', 'Disclosure corrected'],
  ['disclosure.DisclosureWithdrawn', '公开事项撤回', 'Disclosure withdrawn'],
  ['disclosure.DisclosureOverdue', '逾期未公开', 'Disclosure overdue'],
  ['disclosure.DisclosureLapseCured', '逾期已补公开', 'Lapse cured'],
  ['disclosure.CommentApproved', '评论公开', 'Comment approved'],
  ['disclosure.MediaSubmissionAdopted', '信息被媒体采用', 'Media piece adopted'],
  ['disclosure.OrganizationRegistered', '组织登记', 'Organization registered'],
  ['disclosure.OrganizationUpdated', '组织变更', 'Organization changed'],
  ['disclosure.OrganizationDeactivated', '组织撤销', 'Organization deactivated'],
  ['commitment.CommitmentPledged', '作出承诺', 'Commitment pledged'],
  ['commitment.CommitmentProgressReported', '承诺进展', 'Commitment progress'],
  ['commitment.CommitmentFulfilled', '承诺兑现', 'Commitment fulfilled'],
  ['commitment.CommitmentOverdue', '承诺逾期', 'Commitment overdue'],
  ['commitment.CommitmentWithdrawn', '承诺撤回', 'Commitment withdrawn'],
  ['commitment.CommitmentEvaluated', '群众评议', 'Commitment evaluated'],
  ['commitment.CommitmentEvaluationRevised', '群众修改评议', 'Evaluation changed'],
  ['commitment.EvaluationCommentApproved', '评议意见公开', 'Evaluation comment approved'],
].map(([name, zh, en]) => ({ type: `cn.gov.partyaffairs.${name}.v1`, zh, en }));

function typeLabel(type) {
  const known = EVENT_TYPES.find((e) => e.type === type);
  return known ? t(known.zh, known.en) : type.replace(/^cn\.gov\.partyaffairs\./, '');
}

function deliveriesTable(result) {
  if (!result.items.length) return el('p', { class: 'meta' }, t('尚无投递记录', 'No deliveries yet'));
  return el('div', { class: 'table-wrap' }, el('table', { class: 'deliveries' },
    el('thead', {}, el('tr', {}, ...[t('时间', 'When'), t('事件', 'Event'), t('第几次', 'Attempt'), t('结果', 'Result')]
      .map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...result.items.map((d) => el('tr', { 'data-delivered': String(d.delivered) },
      el('td', {}, date(d.attemptedAt)),
      el('td', {}, `#${d.eventSeq} ${typeLabel(d.eventType)}`),
      el('td', {}, d.attempt),
      el('td', {}, d.delivered ? t(`成功（${d.statusCode}，${d.durationMs} 毫秒）`, `delivered (${d.statusCode}, ${d.durationMs} ms)`)
        : [t('失败', 'failed'), d.statusCode ? ` ${d.statusCode}` : '', d.error ? `：${d.error}` : '',
          d.nextAttemptAt ? t(`，${date(d.nextAttemptAt)} 重试`, `, retry ${date(d.nextAttemptAt)}`) : ''].join('')))))));
}

async function webhooks(body) {
  const list = el('ul', { class: 'list', id: 'webhook-list' });
  const pages = el('div');
  const secretBox = el('div', { id: 'webhook-secret', 'aria-live': 'polite' });
  let page = 0;

  const form = sendingForm({ class: 'stack', id: 'webhook-form' }, [
    field('url', t('接收地址（对方系统的网址）', 'Receiver URL (the other system\'s address)'),
      el('input', { type: 'text', id: 'webhook-url', inputmode: 'url', placeholder: 'https://example.gov.cn/hooks/party-affairs', autocomplete: 'off' })),
    el('fieldset', {}, el('legend', {}, t('接收哪些事件（都不选则接收全部公开事件）', 'Which events (none ticked: every public event)')),
      ...EVENT_TYPES.map((e) => el('label', {}, el('input', { type: 'checkbox', name: 'types', value: e.type }), t(e.zh, e.en)))),
    el('div', {}, el('button', { type: 'submit', id: 'webhook-submit' }, t('创建订阅', 'Subscribe'))),
  ], async (data) => {
    let created;
    try {
      created = await call('/api/v1/internal/webhooks', { method: 'POST', body: { url: (data.get('url') || '').trim(), types: data.getAll('types') } });
    } catch (error) {
      // "types[2]" names one of the ticked boxes: show it beside the box group.
      if (error instanceof ApiError) {
        for (const f of error.problem.errors || []) f.field = String(f.field || '').replace(/^types\[\d+\]$/, 'types');
      }
      throw error;
    }
    form.reset();
    fill(secretBox, el('div', { class: 'notice', role: 'alert' },
      el('p', {}, t('订阅已创建。签名密钥只显示这一次，请立即复制并交给对方系统，用于核验推送来源：',
        'Subscribed. The signing secret is shown only this once: copy it now for the receiving system:')),
      el('code', { class: 'secret' }, created.secret), ' ',
      el('button', { type: 'button', class: 'secondary', onclick: () => secretBox.replaceChildren() }, t('我已保存', 'I have saved it'))));
    await load(0, true);
    return null;
  });

  function replayForm(s, host) {
    const id = `replay-${s.id}`;
    const f = sendingForm({ class: 'inline replay' }, [
      field('from', t('从此时间起重新推送', 'Deliver again from'), el('input', { type: 'datetime-local', id })),
      el('button', { type: 'submit' }, t('确定', 'Confirm')), ' ',
      el('button', { type: 'button', class: 'secondary', onclick: () => f.remove() }, t('取消', 'Cancel')),
    ], async (data) => {
      const from = data.get('from');
      await call(`/api/v1/internal/webhooks/${s.id}/replay`, { method: 'POST', body: { from: from ? new Date(from).toISOString() : null } });
      await load(page);
      return null;
    });
    host.append(f);
    f.querySelector('input').focus();
  }

  function confirmDelete(s, host) {
    if (host.querySelector('.confirm-delete')) return;
    const box = el('div', { class: 'confirm-delete notice error' },
      t('删除后不再推送，投递记录一并删除。确定删除？', 'Deliveries stop and the log is removed. Delete?'), ' ',
      actionButton(t('确定删除', 'Delete'), () => call(`/api/v1/internal/webhooks/${s.id}`, { method: 'DELETE' }), () => load(page)), ' ',
      el('button', { type: 'button', class: 'secondary', onclick: () => box.remove() }, t('取消', 'Cancel')));
    host.append(box);
  }

  function item(s) {
    const active = s.status === 'ACTIVE';
    const log = el('div', { class: 'delivery-log' });
    const li = el('li', { 'data-id': s.id, 'data-status': s.status },
      el('strong', { class: 'url' }, s.url), ' ',
      el('span', { class: `tag ${active ? 'KEPT' : 'LATE'}` }, active ? t('推送中', 'Active') : t('已暂停', 'Paused')),
      el('div', { class: 'meta' }, t('事件：', 'Events: '), s.types.length ? s.types.map(typeLabel).join('、') : t('全部公开事件', 'every public event')),
      el('div', { class: 'meta' }, [t(`已推送至第 ${s.cursor} 号事件`, `delivered up to event #${s.cursor}`),
        t(`创建人 ${s.owner}`, `by ${s.owner}`), date(s.createdAt)].join(' · ')),
      s.failedAttempts > 0 ? el('p', { class: 'notice error' }, t(
        `下一条事件已连续失败 ${s.failedAttempts} 次${s.nextAttemptAt ? `，${date(s.nextAttemptAt)} 再试` : ''}。`,
        `The next event failed ${s.failedAttempts} time(s)${s.nextAttemptAt ? `; next try ${date(s.nextAttemptAt)}` : ''}.`)) : null,
      el('div', { class: 'actions' },
        active ? actionButton(t('暂停', 'Pause'), () => call(`/api/v1/internal/webhooks/${s.id}/pause`, { method: 'POST' }), () => load(page))
          : actionButton(t('恢复', 'Resume'), () => call(`/api/v1/internal/webhooks/${s.id}/resume`, { method: 'POST' }), () => load(page)), ' ',
        el('button', { type: 'button', class: 'secondary', onclick: () => { if (!li.querySelector('form.replay')) replayForm(s, li); } }, t('重新推送', 'Replay')), ' ',
        el('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', onclick: async (e) => {
          const shown = log.childElementCount > 0;
          e.target.setAttribute('aria-expanded', String(!shown));
          if (shown) { log.replaceChildren(); return; }
          fill(log, deliveriesTable(await call(`/api/v1/internal/webhooks/${s.id}/deliveries?size=10`)));
        } }, t('投递记录', 'Delivery log')), ' ',
        el('button', { type: 'button', class: 'secondary', onclick: () => confirmDelete(s, li) }, t('删除', 'Delete'))),
      log);
    return li;
  }

  /** A page of the subscriptions, oldest first as the API lists them; `last` shows the newest ones. */
  async function load(to, last = false) {
    let result = await call(`/api/v1/internal/webhooks?page=${to}&size=10`);
    const final = Math.max(0, Math.ceil(result.total / result.size) - 1);
    if (last && final !== result.page) result = await call(`/api/v1/internal/webhooks?page=${final}&size=10`);
    page = result.page;
    fill(list, result.items.map(item));
    emptyItem(list, t('暂无订阅', 'No subscriptions'));
    fill(pages, result.total > result.size ? pager(result, (p) => load(p).catch(() => {})) : null);
  }

  await load(0);
  fill(body,
    el('p', { class: 'meta' }, t('其他部门的系统可订阅本平台的公开事件，平台按顺序签名推送到对方地址，失败自动重试。',
      'Other departments\' systems subscribe to the public events; each is delivered in order, signed, and retried until taken.')),
    list, pages, el('h3', {}, t('新建订阅', 'New subscription')), secretBox, form);
}

// ---------------------------------------------------------------------------------------------------------------
// Other departments' systems: what each may do beyond reading the figures. A grant is kept in the county's identity
// system and is in the system's next token; the service that owns the records checks it.

async function systems(body) {
  const list = el('ul', { class: 'list', id: 'system-list' });
  const status = el('p', { class: 'meta', id: 'system-status', 'aria-live': 'polite' });

  function bound(s) {
    if (s.departmentCode) return t(`所属部门 ${s.departmentCode}`, `department ${s.departmentCode}`);
    if (s.organizationCode) return t(`所属组织 ${s.organizationCode}`, `organization ${s.organizationCode}`);
    return t('未绑定部门或组织（只能使用不需绑定的授权）', 'bound to no department or organization');
  }

  function item(s) {
    return el('li', { 'data-client': s.clientId },
      el('strong', {}, s.name), ' ', el('code', {}, s.clientId),
      el('div', { class: 'meta' }, bound(s)),
      el('ul', { class: 'grants' }, ...s.scopes.map((g) => el('li', { 'data-scope': g.scope, 'data-granted': String(g.granted) },
        el('span', { class: `tag ${g.granted ? 'KEPT' : 'PENDING'}` }, g.granted ? t('已授权', 'granted') : t('未授权', 'not granted')), ' ',
        t(g.label, g.labelEnglish), ' ', el('code', {}, g.scope), ' ',
        actionButton(g.granted ? t('撤销', 'Revoke') : t('授权', 'Grant'), async () => {
          const path = `/api/v1/internal/systems/${encodeURIComponent(s.clientId)}/scopes/${encodeURIComponent(g.scope)}`;
          await call(path, { method: g.granted ? 'DELETE' : 'PUT' });
          status.textContent = g.granted
            ? t(`已撤销 ${s.name} 的“${g.label}”，该系统下次取得令牌时生效。`, `Revoked from ${s.name}; effective with the system's next token.`)
            : t(`已授予 ${s.name}“${g.label}”，该系统下次取得令牌时生效。`, `Granted to ${s.name}; effective with the system's next token.`);
        }, load)))));
  }

  async function load() {
    fill(list, (await call('/api/v1/internal/systems')).map(item));
    emptyItem(list, t('暂无对接系统：请先由运维人员在身份认证系统中登记（见部署说明）', 'No systems yet: the operator registers them in Keycloak first'));
  }

  await load();
  fill(body,
    el('p', { class: 'meta' }, t('其他部门的系统以自己的客户端凭据登录，默认只能查看汇总数据和管理自己的推送订阅。'
      + '在此授予的权限只适用于该系统所属的部门或组织；变更在该系统下次取得令牌时生效（至多几分钟）。',
    'Other departments\' systems sign in with their own client credentials and read only the figures by default. '
      + 'A grant applies to the department or organization the system belongs to, from its next token (minutes at most).')),
    status, list);
}

// ---------------------------------------------------------------------------------------------------------------
// The holiday calendar (国务院办公厅关于部分节假日安排的通知), which due dates are counted on

/** "2026-10-01~2026-10-07 国庆节" or "2026-10-10 国庆节调休上班", one per line, into days. */
function daysOf(text) {
  const days = [];
  for (const line of String(text || '').split('\n').map((l) => l.trim()).filter(Boolean)) {
    const [range, ...name] = line.split(/\s+/);
    const [from, to] = range.split('~');
    for (let d = new Date(`${from}T00:00:00Z`); !Number.isNaN(d.getTime()) && d <= new Date(`${to || from}T00:00:00Z`);
      d = new Date(d.getTime() + 86400_000)) {
      days.push({ date: d.toISOString().slice(0, 10), name: name.join(' ') || null });
    }
    if (Number.isNaN(new Date(`${from}T00:00:00Z`).getTime())) days.push({ date: from, name: name.join(' ') || null });
  }
  return days;
}

async function holidayCalendar(body) {
  const render = async () => {
    const calendar = await call('/api/v1/internal/calendar');
    const missing = calendar.yearsWithoutArrangement || [];
    const form = sendingForm({ class: 'stack', id: 'calendar-form' }, [
      field('year', t('年份', 'Year'), el('input', { type: 'number', min: 2000, max: 2100, required: true,
        value: missing[0] || new Date().getFullYear() + 1 })),
      field('notice', t('通知名称及文号', 'Notice'), el('input', { type: 'text', maxlength: 200,
        placeholder: '国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）' })),
      field('holidays', t('放假日期（每行一段：起~止 名称）', 'Days off (one range per line: from~to name)'),
        el('textarea', { rows: 6, placeholder: '2027-10-01~2027-10-07 国庆节' })),
      field('workdays', t('调休上班日期（每行一天：日期 名称）', 'Make-up working days (one per line: date name)'),
        el('textarea', { rows: 3, placeholder: '2027-09-26 国庆节调休上班' })),
      el('button', { type: 'submit' }, t('保存该年安排', 'Save the year')),
    ], async (data) => {
      await call(`/api/v1/internal/calendar/${encodeURIComponent(data.get('year'))}`, { method: 'PUT', body: {
        notice: data.get('notice'), holidays: daysOf(data.get('holidays')), workdays: daysOf(data.get('workdays')) } });
      await render();
      return t('已保存；未到期的截止日期已按新安排重新计算。', 'Saved; open due dates were counted again on it.');
    });
    fill(body,
      missing.length ? el('p', { class: 'notice error', role: 'alert', id: 'calendar-missing' }, t(
        `${missing.join('、')} 年尚未录入国务院节假日安排：这些年份的截止日期暂按周末计算，请在通知发布后录入。`,
        `No holiday arrangement yet for ${missing.join(', ')}: due dates there count weekends alone until it is recorded.`)) : '',
      el('ul', { class: 'list', id: 'calendar-years' }, ...calendar.arrangements.map((a) => el('li', { 'data-year': a.year },
        el('strong', {}, `${a.year} · ${a.notice}`),
        el('div', { class: 'meta' }, t(`放假 ${a.holidays.length} 天；调休上班：${a.workdays.map((d) => d.date).join('、') || '无'}`,
          `${a.holidays.length} days off; make-up working days: ${a.workdays.map((d) => d.date).join(', ') || 'none'}`))))),
      el('h3', {}, t('录入或更正一年的安排', 'Record or correct a year')), form);
  };
  await render();
}

// ---------------------------------------------------------------------------------------------------------------
// The audit trail: who did what, when and why, in every service and the gateway

const ACTOR_KINDS = { PERSON: ['工作人员', 'official'], SYSTEM: ['部门系统', 'department system'],
  PUBLIC: ['公众', 'the public'], SERVICE: ['系统自动', 'automatic'] };

async function auditTrail(body) {
  const actions = await call('/api/v1/internal/audit/actions');
  const table = el('table', { id: 'audit-table' });
  const pagerHost = el('div');
  const query = (data) => new URLSearchParams(['organization', 'actor', 'action', 'from', 'to']
    .map((name) => [name, (data.get(name) || '').trim()]).filter(([, value]) => value)).toString();
  let current = '';
  async function show(page) {
    const result = await call(`/api/v1/internal/audit?${current}&page=${page}&size=20`);
    table.replaceChildren(
      el('caption', {}, t('审计日志（最新在前）', 'Audit trail (newest first)')),
      el('thead', {}, el('tr', {}, ...[['时间', 'When'], ['操作人', 'Who'], ['操作', 'What'], ['对象', 'Subject'],
        ['组织', 'Organization'], ['理由与说明', 'Why']].map(([zh, en]) => el('th', { scope: 'col' }, t(zh, en))))),
      el('tbody', {}, ...result.items.map((e) => el('tr', {},
        el('td', {}, date(e.at)),
        el('td', {}, e.actor || t('未记录', 'not recorded'), el('div', { class: 'meta' }, t(...(ACTOR_KINDS[e.actorKind] || ['', ''])))),
        el('td', {}, t(e.actionLabel, e.actionLabelEn)),
        el('td', {}, e.subjectLabel || e.subject || ''),
        el('td', {}, e.organizationCode || e.departmentCode || ''),
        el('td', {}, e.reason || '')))));
    if (!result.items.length) table.querySelector('tbody').append(el('tr', {}, el('td', { colspan: 6 }, t('没有符合条件的记录', 'Nothing matches'))));
    pagerHost.replaceChildren(pager(result, show));
  }
  const form = sendingForm({ class: 'stack', id: 'audit-form' }, [
    field('organization', t('组织编码', 'Organization code'), el('input', { placeholder: 'YP-V001' })),
    field('actor', t('操作人（账号、系统或服务）', 'Actor (account, system or service)'), el('input', { placeholder: 'admin' })),
    field('action', t('操作', 'Action'), el('select', {}, el('option', { value: '' }, t('全部操作', 'Every action')),
      ...actions.map((a) => el('option', { value: a.code }, t(a.label, a.labelEn))))),
    field('from', t('开始日期', 'From'), el('input', { type: 'date' })),
    field('to', t('结束日期', 'To'), el('input', { type: 'date' })),
    el('div', {}, el('button', { type: 'submit' }, t('查询', 'Search')), ' ',
      el('button', { type: 'submit', class: 'secondary', value: 'csv' }, t('导出 CSV', 'Export CSV'))),
  ], async (data, submitter) => {
    current = query(data);
    if (submitter?.value === 'csv') {
      await download(`/api/v1/internal/audit/export.csv?${current}`, 'yuping-audit.csv');
      return t('已导出', 'Exported');
    }
    await show(0);
    return null;
  });
  body.append(form, el('div', { class: 'table-wrap' }, table), pagerHost);
  await show(0);
}

// ---------------------------------------------------------------------------------------------------------------
// The annual report with supervision's figures (the public one, without them, is annual-report.html)

async function annualReport(body) {
  const { years } = await api('/api/v1/public/annual-reports');
  const links = el('p', { class: 'downloads' });
  const form = sendingForm({ class: 'stack', id: 'annual-report-form' }, [
    field('year', t('年度', 'Year'), el('select', {}, ...years.slice().reverse().map((y) => el('option', { value: y }, String(y))))),
    field('organization', t('党组织编码（不填为全县）', 'Organization code (empty: the county)'), el('input', { placeholder: 'YP-V001' })),
    el('div', {},
      el('button', { type: 'submit', value: 'pdf' }, t('下载 PDF（含督查问题整改）', 'Download PDF (with findings)')), ' ',
      el('button', { type: 'submit', class: 'secondary', value: 'xlsx' }, t('下载 Excel 工作簿', 'Download workbook'))),
  ], async (data, submitter) => {
    const year = data.get('year');
    const organization = (data.get('organization') || '').trim();
    const query = organization ? `?organization=${encodeURIComponent(organization)}` : '';
    const format = submitter?.value === 'xlsx' ? 'xlsx' : 'pdf';
    await download(`/api/v1/internal/annual-reports/${year}.${format}${query}`,
      `yuping-annual-report-${year}${organization ? `-${organization}` : ''}.${format}`);
    links.replaceChildren(el('a', { href: `annual-report.html?year=${year}${organization ? `&organization=${encodeURIComponent(organization)}` : ''}` },
      t('打开公开版页面（可打印）', 'Open the public page (printable)')));
    return t('已下载', 'Downloaded');
  });
  body.append(el('p', { class: 'meta' }, t('各表按事项发生的年度统计，各年度之和等于全县统计数据。', 'Each fact counts in its year; the years add up to the county statistics.')), form, links);
}

// ---------------------------------------------------------------------------------------------------------------
// Dead letters: events a service could never apply, parked on its dead-letter topic with the reason. After the fix
// (a data correction, a new release) the admin sends one again onto its original topic; the service that parked it
// applies it then, the others skip it as already applied.

const SERVICE_NAMES = {
  gateway: ['网关（公开页面和统计）', 'gateway (pages and figures)'],
  'disclosure-service': ['党务公开服务', 'disclosure service'],
  'commitment-service': ['承诺服务', 'commitment service'],
  'supervision-service': ['督促指导服务', 'supervision service'],
};

function serviceName(service) {
  const known = SERVICE_NAMES[service];
  return known ? t(known[0], known[1]) : service;
}

async function deadLetters(body) {
  const list = el('ul', { class: 'list', id: 'dead-letter-list' });
  const pages = el('div');
  const status = el('p', { class: 'meta', id: 'dead-letter-status', 'aria-live': 'polite' });
  const filter = el('select', { id: 'dead-letter-filter' },
    el('option', { value: 'false' }, t('待处理（未重新投递）', 'Waiting (not replayed)')),
    el('option', { value: 'true' }, t('已重新投递', 'Replayed')),
    el('option', { value: '' }, t('全部', 'All')));
  let page = 0;

  function replayBox(d, li) {
    if (li.querySelector('.confirm')) return;
    const box = el('div', { class: 'confirm notice' },
      el('p', {}, t('请确认导致失败的问题已经修复。重新投递后，该事件会按原样再次发到原主题，由原服务重新处理；已处理过它的服务会自动跳过。',
        'Make sure what made it fail is fixed. The event goes again, unchanged, onto its original topic; the service that parked it applies it, services that already applied it skip it.')),
      actionButton(t('确定重新投递', 'Replay'), async () => {
        const done = await call(`/api/v1/internal/dead-letters/${d.id}/replay`, { method: 'POST' });
        status.textContent = t(`已重新投递死信 ${d.id}（第 ${done.replayCount} 次），位置 ${done.originalTopic}/${done.originalPartition ?? '-'}/${done.replayedOffset}。`,
          `Dead letter ${d.id} replayed (time ${done.replayCount}) at ${done.originalTopic}/${done.originalPartition ?? '-'}/${done.replayedOffset}.`);
      }, () => load(page)), ' ',
      el('button', { type: 'button', class: 'secondary', onclick: () => box.remove() }, t('取消', 'Cancel')));
    li.append(box);
  }

  function item(d) {
    const origin = d.originalTopic ? `${d.originalTopic}/${d.originalPartition}/${d.originalOffset}` : t('原主题未知', 'origin unknown');
    const li = el('li', { 'data-id': String(d.id), 'data-replayed': String(d.replayed) },
      el('strong', {}, d.eventType ? typeLabel(d.eventType) : t('无法识别的消息', 'Unreadable message')), ' ',
      el('span', { class: `tag ${d.replayed ? 'KEPT' : 'MISSING'}` },
        d.replayed ? t(`已重新投递 ${d.replayCount} 次`, `replayed ${d.replayCount}×`) : t('待处理', 'waiting')),
      el('div', { class: 'meta' }, [serviceName(d.service), t(`转入死信 ${date(d.parkedAt)}`, `parked ${date(d.parkedAt)}`),
        t(`原位置 ${origin}`, `from ${origin}`)].join(' · ')),
      el('div', { class: 'meta' }, [d.eventId ? t(`事件 ${d.eventId}`, `event ${d.eventId}`) : null,
        d.aggregateId ? t(`对象 ${d.aggregateId}${d.aggregateVersion ? ` 第 ${d.aggregateVersion} 版` : ''}`, `aggregate ${d.aggregateId}${d.aggregateVersion ? ` v${d.aggregateVersion}` : ''}`) : null]
        .filter(Boolean).join(' · ')),
      d.reason ? el('p', { class: 'notice error' }, t('原因：', 'Reason: '), d.reason) : null,
      d.replayOf ? el('div', { class: 'meta' }, t(`重新投递（${d.replayOf}）后再次失败`, `failed again after a replay (${d.replayOf})`)) : null,
      d.replayed ? el('div', { class: 'meta' }, t(`最近一次由 ${d.replayedBy} 于 ${date(d.replayedAt)} 重新投递`, `last replayed by ${d.replayedBy}, ${date(d.replayedAt)}`)) : null,
      d.valuePreview ? el('details', {}, el('summary', {}, t('消息内容', 'Message')), el('p', { class: 'body-text' }, d.valuePreview)) : null,
      el('div', { class: 'actions' }, d.originalTopic
        ? el('button', { type: 'button', class: d.replayed ? 'secondary' : '', onclick: () => replayBox(d, li) }, t('重新投递', 'Replay'))
        : el('span', { class: 'meta' }, t('缺少原主题，不能重新投递', 'No original topic: cannot be replayed'))));
    return li;
  }

  async function load(to) {
    const replayed = filter.value;
    const result = await call(`/api/v1/internal/dead-letters?page=${to}&size=10${replayed ? `&replayed=${replayed}` : ''}`);
    page = result.page;
    fill(list, result.items.map(item));
    emptyItem(list, replayed === 'false' ? t('没有待处理的死信', 'No dead letters waiting') : t('暂无死信', 'No dead letters'));
    fill(pages, result.total > result.size ? pager(result, (p) => load(p).catch(() => {})) : null);
  }

  filter.addEventListener('change', () => load(0).catch(() => {}));
  await load(0);
  fill(body,
    el('p', { class: 'meta' }, t('各服务始终无法处理的事件（数据不合规、程序缺陷等）会转入死信，不影响后续事件。修复问题后可在此重新投递。',
      'Events a service could never apply (bad data, a bug) are parked here and the events after them go on. Replay one after the fix.')),
    field('replayed', t('显示', 'Show'), filter), status, list, pages);
}

export function adminSections(refresh) {
  return [
    commentModeration(refresh),
    panel('evaluation-moderation', t('评议意见审核', 'Evaluation comment moderation'), evaluationModeration, { open: true }),
    panel('organizations', t('组织管理', 'Organizations'), organizations),
    panel('catalog', t('公开目录', 'Disclosure catalog'), catalogView),
    panel('calendar', t('节假日安排', 'Holiday calendar'), holidayCalendar),
    panel('webhooks', t('数据推送订阅', 'Webhook subscriptions'), webhooks),
    panel('systems', t('系统对接授权', 'Systems and their grants'), systems),
    panel('annual-report', t('年度报告', 'Annual report'), annualReport),
    panel('audit', t('审计日志', 'Audit trail'), auditTrail),
    panel('dead-letters', t('死信（无法处理的事件）', 'Dead letters'), deadLetters),
  ];
}
