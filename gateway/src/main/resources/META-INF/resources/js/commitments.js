import { api, el, fill, t, label, LABELS, percent, setUpLanguage, showProblem, clearProblem, notify, milestoneList, milestoneState } from './common.js';
import { accessToken, login, logout, register } from './auth.js';
import { citizenSignIn, followButton } from './follow.js';

setUpLanguage();

/** A member of the public signed in with an account (role citizen): one evaluation per commitment, changeable. */
let citizen = null;

/** Who evaluates: a signed-in citizen, or anyone anonymously (limited per address and day). An official is public here. */
async function signIn() {
  citizen = await citizenSignIn();
  const box = document.getElementById('citizen');
  if (citizen) {
    const name = citizen.family_name && citizen.given_name ? `${citizen.family_name}${citizen.given_name}` : citizen.preferred_username;
    box.replaceChildren(t(`已登录：${name}。每项承诺您的评价只计一次，再次提交即修改。`,
      `Signed in as ${name}. Your evaluation of a commitment counts once; submitting again changes it.`), ' ',
    el('button', { type: 'button', class: 'secondary', id: 'citizen-logout', onclick: () => logout() }, t('退出登录', 'Log out')));
  } else {
    box.replaceChildren(t('匿名评价时，同一网络地址每天对同一项承诺的评价次数有限；登录后每人一次，可随时修改。',
      'Anonymous evaluations are limited per network address and day; signed in, you evaluate once and may change it.'), ' ',
    el('button', { type: 'button', class: 'secondary', id: 'citizen-login', onclick: () => login() }, t('群众登录', 'Sign in')), ' ',
    el('button', { type: 'button', class: 'secondary', id: 'citizen-register', onclick: () => register() }, t('注册', 'Register')));
  }
}

const filters = document.getElementById('filters');

/** A commitment's states, in their order; their names, like the kinds' and categories', come from js/labels.js. */
const STATUSES = ['PLEDGED', 'IN_PROGRESS', 'FULFILLED', 'OVERDUE', 'WITHDRAWN'];

/** The filters' choices by name (kinds, states, departments, categories, organizations), then the address's. */
async function choices() {
  filters.elements.kind.append(...Object.keys(LABELS.kind).map((k) => el('option', { value: k }, label('kind', k))));
  filters.elements.status.append(...STATUSES.map((s) => el('option', { value: s }, label('status', s))));
  const [departments, organizations] = await Promise.all([
    api('/api/v1/public/departments'), api('/api/v1/public/organizations?size=200')]);
  filters.elements.department.append(...departments.map((d) => el('option', { value: d.code }, d.name)));
  filters.elements.category.append(...Object.keys(LABELS.category).map((c) => el('option', { value: c }, label('category', c))));
  document.getElementById('organization-list').append(...organizations.items.map((o) => el('option', { value: o.code }, o.name)));
  for (const [key, value] of new URLSearchParams(location.search)) if (filters.elements[key]) filters.elements[key].value = value;
}

function bar(c) {
  const p = c.progressPercent ?? (c.status === 'FULFILLED' ? 100 : 0);
  return el('div', {},
    el('div', { class: 'progress', role: 'progressbar', 'aria-valuenow': p, 'aria-valuemin': 0, 'aria-valuemax': 100,
      'aria-label': t('完成进度', 'Progress'), 'data-percent': p }, el('span', { style: `width:${p}%` })),
    el('span', { class: 'meta' }, `${p}%`));
}

function satisfaction(s) {
  if (!s || !s.evaluations) return t('暂无群众评价', 'Not yet evaluated');
  return t(`群众评价 ${s.evaluations} 次（实名 ${s.verified ?? 0}，匿名 ${s.anonymous ?? s.evaluations}）：满意 ${s.satisfied}，基本满意 ${s.basicallySatisfied}，不满意 ${s.dissatisfied}，满意率 ${percent(s.rate)}`,
    `${s.evaluations} evaluations (${s.verified ?? 0} signed-in, ${s.anonymous ?? s.evaluations} anonymous): ${s.satisfied} satisfied, ${s.basicallySatisfied} basically, ${s.dissatisfied} dissatisfied (${percent(s.rate)})`);
}

/**
 * The progress reports and, among them in date order, every milestone whose date passed unreached (the commitment
 * service flags it once, CommitmentMilestoneMissed).
 */
function timeline(full) {
  const missed = (full.milestones || []).filter((m) => m.missedAt).map((m) => ({ on: m.dueDate, missed: m }));
  const entries = [...(full.timeline || []).map((p) => ({ on: p.reportedOn, report: p })), ...missed]
    .sort((a, b) => String(a.on).localeCompare(String(b.on)));
  if (!entries.length) return el('p', { class: 'meta' }, t('暂无进展记录', 'No reports yet'));
  return el('ol', { class: 'timeline' }, ...entries.map(({ report: p, missed: m }) => (m
    ? el('li', { class: 'missed', 'data-kind': 'milestone-missed' },
      el('strong', {}, `${m.dueDate} · `), el('span', { class: 'tag MISSED' }, milestoneState(m).text),
      t(` 节点“${m.title}”到期未达成`, ` milestone “${m.title}” passed unreached`))
    : el('li', {},
      el('strong', {}, `${p.reportedOn} · ${p.percent ?? '—'}%`), p.quantity != null ? ` · ${p.quantity}${full.targetUnit || ''}` : '',
      p.note ? el('div', {}, p.note) : null, p.reason ? el('div', { class: 'meta' }, t('说明：', 'Reason: '), p.reason) : null))));
}

/** The timeline, the public's comments and the evaluation form, read when the reader opens an entry. */
async function details(c, box) {
  const full = await api(`/api/v1/public/commitments/${c.id}`);
  const form = el('form', { class: 'stack', novalidate: true },
    el('div', { class: 'form-status', role: 'status' }),
    el('fieldset', {}, el('legend', {}, t('您的评价', 'Your evaluation')),
      ...['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'].map((r) =>
        el('label', {}, el('input', { type: 'radio', name: 'rating', value: r }), label('rating', r)))),
    el('div', {}, el('label', { for: `ev-${c.id}` }, t('意见建议（可不填）', 'Comment (optional)')),
      el('textarea', { id: `ev-${c.id}`, name: 'comment' })),
    el('div', {}, el('button', { type: 'submit' }, t('提交评价', 'Submit evaluation'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    const data = new FormData(form);
    try {
      const token = citizen ? await accessToken() : null;
      const answer = await api(`/api/v1/public/commitments/${c.id}/evaluations`,
        { method: 'POST', token, body: { rating: data.get('rating'), comment: data.get('comment') || null } });
      form.reset();
      notify(form, answer?.revisedAt
        ? t('已修改您的评价，仍只计一次。', 'Your evaluation is changed; it still counts once.')
        : t('感谢您的评价。', 'Thank you for your evaluation.'));
    } catch (error) {
      showProblem(form, error);
    }
  });
  fill(box,
    c.description ? el('p', {}, c.description) : null,
    el('p', { class: 'meta' }, t(`责任人：${full.responsible || '—'}；承诺时间 ${full.pledgedOn}；时限 ${full.dueDate}`,
      `Responsible: ${full.responsible || '—'}; pledged ${full.pledgedOn}; due ${full.dueDate}`)),
    (full.milestones || []).length ? el('h3', {}, t('节点', 'Milestones')) : null,
    milestoneList(full.milestones),
    el('h3', {}, t('进展记录', 'Progress reports')),
    timeline(full),
    (full.comments || []).length ? el('ul', {}, ...full.comments.map((x) => el('li', {}, `${label('rating', x.rating)}：${x.comment || ''}`))) : null,
    form);
}

async function load() {
  const query = new URLSearchParams();
  for (const [key, value] of new FormData(filters)) if (value) query.set(key, value);
  query.set('size', '30');
  const page = await api(`/api/v1/public/commitments?${query}`);
  document.getElementById('total').textContent = t(`共 ${page.total} 项`, `${page.total} in all`);
  const buttons = await Promise.all(page.items.map((c) => followButton('COMMITMENT', c.id, c.title)));
  document.getElementById('list').replaceChildren(...page.items.map((c, i) => {
    const box = el('div', {}, t('正在加载…', 'Loading…'));
    const more = el('details', { ontoggle: (e) => { if (e.target.open) details(c, box); } },
      el('summary', {}, t('进展记录与群众评价', 'Progress and evaluation')), box);
    return el('li', { id: `c-${c.id}`, 'data-id': c.id },
      el('strong', {}, c.title), ' ', el('span', { class: `tag ${c.status}` }, label('status', c.status)), ' ', buttons[i],
      el('div', { class: 'meta' }, [label('kind', c.kind), c.departmentName || c.organizationName, c.category && label('category', c.category),
        t(`时限 ${c.dueDate}`, `due ${c.dueDate}`)].filter(Boolean).join(' · ')),
      bar(c), el('div', { class: 'meta' }, satisfaction(c.satisfaction), ' · ',
        el('a', { href: `/api/v1/public/feeds/commitments/${c.id}`, type: 'application/atom+xml', class: 'feed' },
          t('订阅进展（RSS/Atom）', 'Subscribe to its progress (RSS/Atom)'))), more);
  }));
}

filters.addEventListener('submit', (e) => {
  e.preventDefault();
  const query = new URLSearchParams();
  for (const [key, value] of new FormData(filters)) if (value) query.set(key, value);
  history.replaceState(null, '', `?${query}`);
  load();
});

// Feed readers find the Atom feeds of what the address names: an organization's list, one commitment (#c-<id>).
{
  const owner = new URLSearchParams(location.search).get('organization');
  if (owner) document.head.append(el('link', { rel: 'alternate', type: 'application/atom+xml', title: `${owner} · 党务公开`,
    href: `/api/v1/public/feeds/organizations/${encodeURIComponent(owner)}` }));
  const one = /^#c-([0-9a-f-]{36})$/.exec(location.hash);
  if (one) document.head.append(el('link', { rel: 'alternate', type: 'application/atom+xml', title: '承诺进展',
    href: `/api/v1/public/feeds/commitments/${one[1]}` }));
}

await signIn();
await choices();
await load();
document.body.dataset.ready = 'true';
