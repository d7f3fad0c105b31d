// An inspector of a guidance group (督促指导小组): the demonstration units the group is responsible for and their
// set-up tasks, the inspection of a unit in an open round against the checklist, and the findings with their
// rectification. Each part reloads only itself after a step, so nothing typed elsewhere on the page is lost.
import { el, t, fill, label, LABELS } from '../common.js';
import { call, section, field, localNow, sendingForm, emptyItem } from './ui.js';

const API = '/api/v1/internal';
const enc = encodeURIComponent;

const AWAITING = ['OPEN', 'REOPENED', 'RECTIFICATION_REPORTED'];

// A state by the shared table of names (js/labels.js); a code it does not know yet by the service's Chinese name.
const named = (group, code, zh) => (LABELS[group]?.[code] ? label(group, code) : zh || code);
const today = () => localNow().slice(0, 10);
const daysFrom = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
let serial = 0;
const uid = (name) => `${name}-${++serial}`;

/** A button that opens a small form in its list item (once), with confirm and cancel; refusals show in the form. */
function formButton(text, kind, fields, send, secondary = false) {
  const button = el('button', { type: 'button', class: secondary ? 'secondary' : null }, text);
  button.addEventListener('click', () => {
    const host = button.closest('li');
    if (host.querySelector(`:scope > form.${kind}`)) return;
    const form = sendingForm({ class: `inline ${kind}` }, [...fields(),
      el('div', {}, el('button', { type: 'submit' }, t('确定', 'Confirm')), ' ',
        el('button', { type: 'button', class: 'secondary', onclick: () => form.remove() }, t('取消', 'Cancel')))], send);
    host.append(form);
    form.querySelector('input, select, textarea')?.focus();
  });
  return button;
}

function options(select, items, keep) {
  const was = keep ? select.value : '';
  fill(select, ...items);
  if (was && [...select.options].some((o) => o.value === was && !o.disabled)) select.value = was;
  return select;
}

// ---------------------------------------------------------------------------------------------- units and tasks

function taskItem(unit, task) {
  return el('li', { 'data-task': task.task, 'data-status': task.status },
    el('span', {}, named('task', task.task, task.label)), ' ',
    el('span', { class: `tag ${task.status}` }, named('taskStatus', task.status, task.statusLabel)),
    task.on ? el('span', { class: 'meta' }, ` ${task.on}`) : null,
    task.note ? el('span', { class: 'meta note' }, ` · ${task.note}`) : null, ' ',
    formButton(t('更新', 'Update'), 'task', () => [
      field('status', t('状态', 'State'), el('select', { id: uid('task-status') },
        ...Object.keys(LABELS.taskStatus).map((code) => el('option', { value: code, selected: code === task.status }, label('taskStatus', code))))),
      field('on', t('日期', 'On'), el('input', { type: 'date', id: uid('task-on'), value: today(), max: today() })),
      field('note', t('说明', 'Note'), el('input', { type: 'text', id: uid('task-note'), value: task.note || '' })),
    ], async (data) => {
      const updated = await call(`${API}/units/${enc(unit.code)}/tasks/${task.task}`, { method: 'PUT',
        body: { status: data.get('status') || null, on: data.get('on') || null, note: data.get('note') || null } });
      const fresh = unitItem(updated, true);
      document.querySelector(`#units > li[data-id="${CSS.escape(unit.code)}"]`).replaceWith(fresh);
      fresh.querySelector(`[data-task="${task.task}"]`).append(el('span', { class: 'saved', role: 'status' }, t(' 已保存', ' Saved')));
      return null;
    }, true));
}

/** One line per unit (its name and how many set-up tasks are done); opened, its details and the tasks. */
function unitItem(u, open = false) {
  const done = u.tasks.filter((task) => task.status === 'DONE').length;
  const cadence = u.cadenceMonths === 1 ? t('每月公开', 'discloses monthly') : t(`每 ${u.cadenceMonths} 个月公开`, `discloses every ${u.cadenceMonths} months`);
  return el('li', { 'data-id': u.code },
    el('details', { open },
      el('summary', {}, el('strong', {}, u.name), ' ',
        el('span', { class: `tag ${done === u.tasks.length ? 'DONE' : 'IN_PROGRESS'}` },
          t(`创建任务 ${done} / ${u.tasks.length}`, `set-up ${done} / ${u.tasks.length}`))),
      el('div', { class: 'meta' }, `${u.code} · ${u.typeLabel} · ${cadence} · ${t('命名于', 'designated')} ${u.designatedOn}`),
      el('ul', { class: 'tasks' }, ...u.tasks.map((task) => taskItem(u, task)))));
}

async function unitsSection(ctx) {
  const [units, group] = await Promise.all([ctx.units, ctx.info]);
  const list = el('ul', { class: 'list', id: 'units' }, ...units.map((u) => unitItem(u)));
  return section('my-units', t(`本组负责的示范单位（${units.length} 个）`, `Our demonstration units (${units.length})`),
    el('p', { class: 'meta', id: 'my-group' }, `${group.name}（${group.code}）`),
    emptyItem(list, t('本组目前没有负责的示范单位', 'No units assigned to the group')));
}

// ------------------------------------------------------------------------------------------------- inspections

/** The service names a score's field by its place in the list (scores[3].score); the form names it by item. */
function byItem(error, scores) {
  for (const e of error.problem?.errors || []) {
    const m = /^scores\[(\d+)\]\.(\w+)$/.exec(e.field || '');
    if (m && scores[Number(m[1])]) e.field = `${m[2] === 'note' ? 'note' : 'score'}-${scores[Number(m[1])].item}`;
    else if (/^inspectors\[\d+\]$/.test(e.field || '')) e.field = 'inspectors';
  }
  return error;
}

async function inspectSection(ctx) {
  const [units, rounds, checklist, group] = await Promise.all([ctx.units, ctx.rounds,
    call(`${API}/inspections/checklist`), ctx.info]);
  const mine = new Map(units.map((u) => [u.code, u]));
  const open = rounds.filter((r) => r.status === 'PLANNED' && r.unitCodes.some((c) => mine.has(c))).reverse();
  const title = t('记录督查', 'Record an inspection');
  if (!open.length) {
    return section('inspect', title, el('p', { class: 'notice', id: 'no-round' },
      t('目前没有包含本组示范单位的进行中督查轮次；督查轮次由县党务公开办安排。', 'No open round of inspection includes our units; the county office plans the rounds.')));
  }
  const round = el('select', { id: 'f-round' }, ...open.map((r) => el('option', { value: r.id }, `${r.name}（${r.startsOn} ~ ${r.endsOn}）`)));
  const unit = el('select', { id: 'f-inspect-unit' });
  const total = el('p', { id: 'inspection-total', 'aria-live': 'polite' });
  const max = checklist.reduce((n, c) => n + c.maxScore, 0);

  async function loadUnits() {
    const r = await call(`${API}/rounds/${round.value}`);
    const done = new Set(r.inspections.map((i) => i.unitCode));
    const codes = r.unitCodes.filter((c) => mine.has(c));
    options(unit, [el('option', { value: '' }, t('请选择单位', 'Choose a unit')),
      ...codes.map((c) => el('option', { value: c, disabled: done.has(c) }, `${mine.get(c).name}${done.has(c) ? t('（本轮已督查）', ' (inspected)') : ''}`))], true);
  }
  function sum() {
    const scores = checklist.map((c) => form.elements[`score-${c.item}`].value).filter((v) => v !== '');
    total.textContent = t(`合计：${scores.reduce((n, v) => n + Number(v), 0)} / ${max} 分（已打分 ${scores.length} / ${checklist.length} 项）`,
      `Total: ${scores.reduce((n, v) => n + Number(v), 0)} / ${max} (${scores.length} of ${checklist.length} scored)`);
  }
  round.addEventListener('change', () => loadUnits());

  const form = sendingForm({ class: 'stack', id: 'inspection-form' }, [
    field('round', t('督查轮次', 'Round'), round),
    field('unitCode', t('被督查单位', 'Unit inspected'), unit),
    field('inspectedOn', t('督查日期', 'Day of the visit'), el('input', { type: 'date', id: 'f-inspectedOn', value: today(), max: today() })),
    field('inspectors', t('督查人员（用顿号或逗号分开）', 'Inspectors (separated by commas)'),
      el('input', { type: 'text', id: 'f-inspectors', value: group.members.map((m) => m.name).join('、') })),
    el('div', { class: 'checklist', role: 'group', 'aria-labelledby': 'checklist-title' },
      el('h3', { id: 'checklist-title' }, t('检查项目评分', 'Checklist scores')),
      ...checklist.map((c) => el('div', { class: 'score-row', 'data-item': c.item },
        el('label', { for: `score-${c.item}` }, t(`${c.label}（满分 ${c.maxScore}）`, `${c.label} (out of ${c.maxScore})`)),
        el('input', { type: 'number', id: `score-${c.item}`, name: `score-${c.item}`, min: 0, max: c.maxScore, step: 1, inputmode: 'numeric', oninput: sum }),
        el('input', { type: 'text', id: `note-${c.item}`, name: `note-${c.item}`, 'aria-label': t(`${c.label}扣分说明`, `${c.label}: note`),
          placeholder: t('扣分说明（可选）', 'Note (optional)') }))),
      total),
    field('observations', t('督查意见', 'Observations'), el('textarea', { id: 'f-observations', rows: 3 })),
    el('div', {}, el('button', { type: 'submit' }, t('记录督查', 'Record the inspection'))),
  ], async (data) => {
    const scores = checklist.map((c) => {
      const value = data.get(`score-${c.item}`);
      return { item: c.item, score: value === '' ? null : Number(value), note: data.get(`note-${c.item}`) || null };
    });
    const body = { unitCode: data.get('unitCode') || null, inspectedOn: data.get('inspectedOn') || null,
      inspectors: String(data.get('inspectors')).split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean), scores,
      observations: data.get('observations') || null };
    let saved;
    try {
      saved = await call(`${API}/rounds/${data.get('round')}/inspections`, { method: 'POST', body });
    } catch (error) {
      throw byItem(error, scores);
    }
    for (const c of checklist) { form.elements[`score-${c.item}`].value = ''; form.elements[`note-${c.item}`].value = ''; }
    form.elements.observations.value = '';
    sum();
    await loadUnits();
    ctx.changed('inspections');
    return t(`已记录对${saved.unitName}的督查：${saved.totalScore} / ${saved.maxScore} 分。`,
      `Inspection of ${saved.unitName} recorded: ${saved.totalScore} / ${saved.maxScore}.`);
  });
  await loadUnits();
  sum();
  return section('inspect', title, form);
}

function inspectionItem(i, roundNames, ctx) {
  return el('li', { 'data-id': i.id },
    el('strong', {}, i.unitName), ' ', el('span', { class: 'tag score' }, t(`${i.totalScore} / ${i.maxScore} 分`, `${i.totalScore} / ${i.maxScore}`)),
    el('div', { class: 'meta' }, `${i.inspectedOn} · ${roundNames.get(i.roundId) || ''} · ${i.inspectors.join('、')}`),
    el('details', {}, el('summary', {}, t('评分明细', 'Scores')),
      el('ul', { class: 'tasks' }, ...i.scores.map((s) => el('li', {}, `${s.label}：${s.score} / ${s.maxScore}`, s.note ? el('span', { class: 'meta' }, ` · ${s.note}`) : null))),
      i.observations ? el('p', {}, t('督查意见：', 'Observations: '), i.observations) : null),
    el('button', { type: 'button', class: 'secondary', onclick: () => ctx.raiseFrom(i) }, t('记录发现的问题', 'Record a finding')));
}

async function inspectionsSection(ctx) {
  const list = el('ul', { class: 'list', id: 'inspections' });
  async function load() {
    const [page, rounds] = await Promise.all([call(`${API}/inspections?group=${enc(ctx.group)}&size=10`), ctx.rounds]);
    const names = new Map(rounds.map((r) => [r.id, r.name]));
    emptyItem(fill(list, ...page.items.map((i) => inspectionItem(i, names, ctx))), t('本组尚无督查记录', 'No inspections yet'));
  }
  await load();
  ctx.on('inspections', load);
  return section('recent-inspections', t('本组近期督查记录', 'Our recent inspections'), list);
}

// ------------------------------------------------------------------------------------ findings and rectification

function history(f) {
  const steps = el('ol', { class: 'timeline' });
  const details = el('details', {}, el('summary', {}, t('整改过程', 'History')), steps);
  details.addEventListener('toggle', async () => {
    if (!details.open || steps.children.length) return;
    const full = await call(`${API}/findings/${f.id}`);
    fill(steps, ...full.history.map((s) => el('li', {}, `${s.on} ${named('step', s.action, s.actionLabel)}`,
      s.note ? `：${s.note}` : '', el('span', { class: 'meta' }, ` · ${s.actor}`))));
  });
  return details;
}

function findingItem(f, done) {
  const awaits = f.status === 'OPEN' || f.status === 'REOPENED';
  const late = awaits && (f.overdue || f.deadline < today());
  const left = daysFrom(today(), f.deadline);
  const short = f.description.length > 20 ? `${f.description.slice(0, 20)}…` : f.description;
  const actions = el('div', { class: 'actions' });
  const step = async (path, body, text) => {
    await call(`${API}/findings/${f.id}/${path}`, { method: 'POST', body });
    await done(text);
    return null;
  };
  if (awaits) {
    actions.append(formButton(t('报告整改', 'Report rectified'), 'rectify', () => [
      field('evidence', t('整改佐证材料（照片、会议记录、文件文号等）', 'Evidence (photos, minutes, document numbers…)'), el('textarea', { id: uid('evidence'), rows: 2 })),
    ], (data) => step('rectification', { evidence: data.get('evidence') || null },
      t(`“${short}”已报告整改，等待验收。`, `"${short}": rectification reported, awaiting verification.`))));
  }
  if (f.status === 'RECTIFICATION_REPORTED') {
    actions.append(formButton(t('验收销号', 'Verify and close'), 'verify', () => [
      field('note', t('验收意见（可选）', 'Note (optional)'), el('input', { type: 'text', id: uid('verify-note') })),
    ], (data) => step('verify', { note: data.get('note') || null },
      t(`“${short}”已验收销号。`, `"${short}": verified and closed.`))), ' ');
    actions.append(formButton(t('退回重新整改', 'Send back'), 'reopen', () => [
      field('reason', t('退回理由', 'Why it is sent back'), el('textarea', { id: uid('reopen-reason'), rows: 2 })),
      field('newDeadline', t('新的整改期限', 'New deadline'), el('input', { type: 'date', id: uid('reopen-deadline'), min: today() })),
    ], (data) => step('reopen', { reason: data.get('reason') || null, newDeadline: data.get('newDeadline') || null },
      t(`“${short}”已退回重新整改。`, `"${short}": sent back to rectify again.`)), true));
  }
  return el('li', { 'data-id': f.id, 'data-status': f.status, 'data-unit': f.unitCode, 'data-overdue': late ? 'true' : null },
    el('strong', {}, f.description), ' ',
    el('span', { class: `tag ${f.status}` }, named('findingStatus', f.status, f.statusLabel)),
    el('span', { class: `tag ${f.severity}` }, named('severity', f.severity, f.severityLabel)),
    late ? el('span', { class: 'tag OVERDUE' }, t('已逾期', 'Overdue')) : null,
    el('div', { class: 'meta' }, `${f.unitName} · ${label('source', f.source)} · ${t('责任人', 'responsible')} ${f.responsible} · `,
      el('span', { class: late ? 'deadline late' : 'deadline' }, t(`整改期限 ${f.deadline}`, `deadline ${f.deadline}`),
        late ? t(`（已逾期 ${-left} 天）`, ` (${-left} days overdue)`) : awaits ? t(`（还剩 ${left} 天）`, ` (${left} days left)`) : '')),
    f.evidence ? el('div', { class: 'evidence' }, t('整改佐证：', 'Evidence: '), f.evidence) : null,
    history(f), actions);
}

function raiseForm(ctx, units, reload) {
  const unit = el('select', { id: 'f-finding-unit' }, el('option', { value: '' }, t('请选择单位', 'Choose a unit')),
    ...units.map((u) => el('option', { value: u.code }, u.name)));
  const inspection = el('select', { id: 'f-inspectionId' });
  async function loadInspections() {
    const page = unit.value ? await call(`${API}/inspections?unit=${enc(unit.value)}&size=10`) : { items: [] };
    options(inspection, [el('option', { value: '' }, t('督促指导中发现（非督查）', 'Found while guiding (no inspection)')),
      ...page.items.map((i) => el('option', { value: i.id }, t(`${i.inspectedOn} 督查（${i.totalScore} 分）`, `Inspection of ${i.inspectedOn} (${i.totalScore})`)))], true);
  }
  unit.addEventListener('change', () => loadInspections());
  const form = sendingForm({ class: 'stack', id: 'finding-form' }, [
    field('unitCode', t('示范单位', 'Unit'), unit),
    field('inspectionId', t('来源', 'Found in'), inspection),
    field('description', t('问题描述', 'What was found'), el('textarea', { id: 'f-description', rows: 2 })),
    field('severity', t('问题程度', 'Severity'), el('select', { id: 'f-severity' }, el('option', { value: '' }, t('请选择', 'Choose')),
      ...Object.keys(LABELS.severity).map((code) => el('option', { value: code }, label('severity', code))))),
    field('responsible', t('整改责任人', 'Responsible'), el('input', { type: 'text', id: 'f-responsible', placeholder: t('例如：村党支部书记', 'e.g. the branch secretary') })),
    field('deadline', t('整改期限', 'Deadline'), el('input', { type: 'date', id: 'f-deadline', min: today() })),
    el('div', {}, el('button', { type: 'submit' }, t('记录问题', 'Record the finding'))),
  ], async (data) => {
    const saved = await call(`${API}/findings`, { method: 'POST', body: {
      unitCode: data.get('unitCode') || null, inspectionId: data.get('inspectionId') || null,
      description: data.get('description') || null, severity: data.get('severity') || null,
      responsible: data.get('responsible') || null, deadline: data.get('deadline') || null } });
    for (const name of ['description', 'severity', 'responsible', 'deadline']) form.elements[name].value = '';
    await reload();
    return t(`已记录问题，整改期限 ${saved.deadline}。`, `Finding recorded, to be rectified by ${saved.deadline}.`);
  });
  const details = el('details', { id: 'raise-finding' }, el('summary', {}, t('记录新发现的问题', 'Record a new finding')), form);
  ctx.raiseFrom = async (i) => {
    details.open = true;
    unit.value = i.unitCode;
    await loadInspections();
    inspection.value = i.id;
    details.scrollIntoView();
    form.elements.description.focus();
  };
  ctx.on('inspections', () => loadInspections());
  loadInspections();
  return details;
}

async function findingsSection(ctx) {
  const units = await ctx.units;
  const status = el('p', { id: 'findings-status', role: 'status' });
  const counts = el('p', { id: 'findings-counts' });
  const list = el('ul', { class: 'list', id: 'findings' });
  const show = el('select', { id: 'f-findings-show' }, ...[['', '全部', 'All'], ['RECTIFICATION_REPORTED', '整改待验收', 'Awaiting verification'],
    ['overdue', '已逾期', 'Overdue'], ['awaiting', '待整改', 'To rectify']].map(([value, zh, en]) => el('option', { value }, t(zh, en))));
  const ofUnit = el('select', { id: 'f-findings-unit' }, el('option', { value: '' }, t('全部单位', 'All units')),
    ...units.map((u) => el('option', { value: u.code }, u.name)));
  /** Which findings are shown: by state and unit, on the page only (the list holds every open finding). */
  function filter() {
    for (const li of list.querySelectorAll(':scope > li[data-id]')) {
      const d = li.dataset;
      const state = !show.value || (show.value === 'overdue' ? d.overdue === 'true'
        : show.value === 'awaiting' ? d.status !== 'RECTIFICATION_REPORTED' : d.status === show.value);
      li.hidden = !(state && (!ofUnit.value || d.unit === ofUnit.value));
    }
  }
  show.addEventListener('change', filter);
  ofUnit.addEventListener('change', filter);
  async function load() {
    const pages = await Promise.all(AWAITING.map((s) => call(`${API}/findings?group=${enc(ctx.group)}&status=${s}&size=200`)));
    const items = pages.flatMap((p) => p.items).sort((a, b) => a.deadline.localeCompare(b.deadline));
    const late = items.filter((f) => f.status !== 'RECTIFICATION_REPORTED' && (f.overdue || f.deadline < today())).length;
    const reported = items.filter((f) => f.status === 'RECTIFICATION_REPORTED').length;
    fill(counts, t(`待整改 ${items.length - reported} 个（其中已逾期 ${late} 个）· 整改待验收 ${reported} 个`,
      `${items.length - reported} to rectify (${late} overdue) · ${reported} awaiting verification`));
    counts.className = late ? 'notice error' : 'notice';
    emptyItem(fill(list, ...items.map((f) => findingItem(f, done))), t('没有待整改的问题', 'No open findings'));
    filter();
  }
  async function done(text) {
    status.className = 'notice';
    status.textContent = text;
    await load();
  }
  await load();
  return section('rectification', t('问题整改', 'Findings and rectification'), raiseForm(ctx, units, load), status, counts,
    el('div', { class: 'inline filter', role: 'search' }, field('show', t('显示', 'Show'), show), field('unit', t('单位', 'Unit'), ofUnit)), list);
}

/**
 * The inspector's parts of the console; the group comes from the token's guidance_group claim. Each part reloads
 * itself after a step (not the whole console), so what is typed in another part stays.
 */
export function inspectorSections(me) {
  const group = me.guidance_group;
  if (!group) {
    return [Promise.resolve(section('my-units', t('督促指导', 'Guidance'), el('p', { class: 'notice error' },
      t('您的账号尚未指定督促指导小组，请联系县党务公开办。', 'Your account names no guidance group; please ask the county office.'))))];
  }
  const events = new EventTarget();
  const ctx = {
    group,
    units: call(`${API}/units?group=${enc(group)}`),
    info: call(`${API}/groups/${enc(group)}`),
    rounds: call(`${API}/rounds`),
    on: (name, run) => events.addEventListener(name, () => run()),
    changed: (name) => events.dispatchEvent(new Event(name)),
    raiseFrom: () => {},
  };
  return [unitsSection(ctx), inspectSection(ctx), inspectionsSection(ctx), findingsSection(ctx)];
}
