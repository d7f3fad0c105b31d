import { api, el, t, label, LABELS, percent, setUpLanguage } from './common.js';
import { completeLogin, accessToken, login, logout } from './auth.js';
import { follow } from './live.js';

setUpLanguage();

const EVENTS = {
  DisclosurePublished: ['公开', 'published'], DisclosureCorrected: ['更正', 'corrected'], DisclosureWithdrawn: ['撤回', 'withdrew'],
  DisclosureOverdue: ['逾期未公开', 'missed a period'], DisclosureLapseCured: ['补公开', 'made up a period'],
  CommentApproved: ['新增群众评论', 'new comment'], CommitmentPledged: ['新承诺', 'new commitment'],
  CommitmentProgressReported: ['报告进展', 'progress reported'], CommitmentFulfilled: ['兑现承诺', 'fulfilled'],
  CommitmentOverdue: ['承诺逾期', 'overdue'], CommitmentWithdrawn: ['撤回承诺', 'withdrew'], CommitmentEvaluated: ['群众评议', 'evaluated'],
  CommitmentEvaluationRevised: ['群众修改评议', 'evaluation changed'],
  EvaluationCommentApproved: ['评议意见', 'evaluation comment'], MediaSubmissionAdopted: ['信息被媒体采用', 'adopted by media'],
  OrganizationRegistered: ['新组织', 'organization registered'],
  // Supervision's events reach only a signed-in screen (the internal stream).
  InspectionRecorded: ['督查检查', 'inspected'], FindingRaised: ['发现问题', 'finding raised'],
  RectificationReported: ['报告整改', 'rectification reported'], RectificationVerified: ['整改销号', 'rectification verified'],
  FindingResolved: ['问题已解决', 'finding resolved'], FindingReopened: ['问题重新打开', 'finding reopened'],
  RectificationOverdue: ['整改逾期', 'rectification overdue'],
  // A disclosure's step past its working-day limit: officials only (the internal stream), like supervision's.
  DisclosureStepEscalated: ['公开环节超时', 'disclosure step overdue'],
};

/** A county official signed in on this screen sees supervision's figures too (they stay inside). */
let official = false;

function setFigure(id, value) {
  const node = document.getElementById(id);
  const text = String(value);
  if (node.textContent !== text) {
    node.textContent = text;
    node.classList.add('changed');
    setTimeout(() => node.classList.remove('changed'), 1500);
  }
}

function row(name, value, ...segments) {
  return el('div', { class: 'row' }, el('span', { title: name }, name),
    el('div', { class: 'bar' }, ...segments.map(([cls, share]) => el('span', { class: cls, style: `width:${(share * 100).toFixed(1)}%` }))),
    el('span', {}, value));
}

/** A donut of the satisfied share in SVG: the circle's dash is the share of its circumference. */
function donut(rate) {
  const r = 70, c = 2 * Math.PI * r, share = rate ?? 0;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 200 200');
  svg.setAttribute('width', '200');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t(`满意率 ${percent(rate)}`, `satisfaction ${percent(rate)}`));
  svg.innerHTML = `<circle cx="100" cy="100" r="${r}" fill="none" stroke="#24406f" stroke-width="24"/>
    <circle cx="100" cy="100" r="${r}" fill="none" stroke="#73d13d" stroke-width="24" stroke-dasharray="${c * share} ${c}" transform="rotate(-90 100 100)"/>
    <text x="100" y="110" text-anchor="middle" font-size="28" fill="#f0f0f0">${percent(rate)}</text>`;
  return svg;
}

/** The official's token; when the session has run out, the screen goes on as a public one and offers the login. */
async function officialToken() {
  const token = official ? await accessToken() : null;
  if (official && !token) { official = false; showFindings(null); }
  return token;
}

async function internal(path) {
  const token = await officialToken();
  return token ? api(path, { token }) : null;
}

/** The national and provincial outlets the county reports by name (the report: 5 by 人民网, 7 by 中国党建网). */
const OUTLETS = ['people-daily-online', 'china-party-building-net', 'guizhou-daily', 'tongren-daily'];

async function statistics() {
  const both = official ? await internal('/api/v1/internal/dashboard') : null;
  const s = both ? both.county : await api('/api/v1/public/statistics');
  if (both) showFindings(both);
  // Late is its own colour: the engine's late and cured periods, never folded into kept or missing.
  const compliance = Object.entries(s.complianceByType || {}).map(([type, c]) => {
    const total = c.periodsDue || 1;
    return row(label('orgType', type), percent(c.onTimeRate), ['kept', c.kept / total], ['late', c.late / total], ['missing', c.missing / total]);
  });
  setFigure('fig-organizations', s.organizations);
  setFigure('fig-disclosures', s.publicDisclosures);
  setFigure('fig-ontime', percent(s.compliance?.onTimeRate));
  setFigure('fig-comments', s.commentsApproved);
  setFigure('fig-satisfaction', percent(s.satisfaction?.rate));
  document.getElementById('compliance').replaceChildren(...compliance,
    el('p', { class: 'legend' }, t(`绿：按时 ${s.compliance?.kept ?? 0}　黄：逾期 ${s.compliance?.late ?? 0}　红：未公开 ${s.compliance?.missing ?? 0}`,
      `green: on time ${s.compliance?.kept ?? 0}, yellow: late ${s.compliance?.late ?? 0}, red: missing ${s.compliance?.missing ?? 0}`)));
  document.getElementById('commitments').replaceChildren(...Object.entries(s.commitments || {}).flatMap(([kind, c]) => [
    row(label('kind', kind), `${c.fulfilled}/${c.pledged}`, ['done', c.pledged ? c.fulfilled / c.pledged : 0]),
    el('p', { class: 'legend' }, t(`按时兑现率 ${percent(c.onTimeRate)} · 逾期 ${c.overdue} · 平均进度 ${c.averageProgress ?? '—'}%`,
      `on time ${percent(c.onTimeRate)} · overdue ${c.overdue} · average progress ${c.averageProgress ?? '—'}%`)),
  ]));
  const sat = s.satisfaction || {};
  document.getElementById('satisfaction').replaceChildren(donut(sat.rate), el('p', { class: 'legend' },
    t(`共 ${sat.evaluations} 次评价：满意 ${sat.satisfied}，基本满意 ${sat.basicallySatisfied}，不满意 ${sat.dissatisfied}`,
      `${sat.evaluations} evaluations: ${sat.satisfied} satisfied, ${sat.basicallySatisfied} basically, ${sat.dissatisfied} not`)));
  // Highest level first; the bar is the share of submitted pieces the outlets took.
  const submitted = s.mediaSubmittedByLevel || {};
  document.getElementById('media').replaceChildren(...Object.keys(LABELS.level).filter((level) => submitted[level]).map((level) => {
    const adopted = s.mediaAdoptedByLevel?.[level] || 0;
    return row(label('level', level), `${adopted}/${submitted[level]}`, ['done', adopted / submitted[level]]);
  }), el('p', { class: 'legend', id: 'media-outlets' }, Object.entries(s.mediaAdoptedByOutlet || {})
    .filter(([code]) => OUTLETS.includes(code)).map(([code, n]) => `${label('outlet', code)} ${n}`).join(' · ')),
  el('p', { class: 'legend' }, t('采用篇数/报送篇数', 'adopted / submitted')));
}

/** Compliance of each township: its committee and every organization under it. */
async function townships() {
  const rows = await api('/api/v1/public/statistics/townships');
  document.getElementById('townships').replaceChildren(...rows.map((r) => {
    const total = r.periodsDue || 1;
    return row(r.townshipName, percent(r.onTimeRate), ['kept', r.kept / total], ['late', r.late / total], ['missing', r.missing / total]);
  }));
}

function showFindings(d) {
  const panel = document.getElementById('findings');
  if (!d) {
    panel.replaceChildren(el('p', { class: 'legend' }, t('督查整改情况仅向工作人员显示。', 'Supervision figures are shown to officials only.')),
      el('button', { type: 'button', id: 'dashboard-login', onclick: () => login() }, t('工作人员登录', 'Officials: log in')));
    return;
  }
  panel.replaceChildren(
    el('div', { class: 'pair' },
      el('div', { class: 'big' }, el('span', { class: 'value', id: 'fig-open-findings' }, d.openFindings), el('span', { class: 'label' }, t('未整改问题', 'Open findings'))),
      el('div', { class: 'big' }, el('span', { class: 'value alarm', id: 'fig-overdue-findings' }, d.overdueFindings), el('span', { class: 'label' }, t('整改逾期', 'Overdue')))),
    row(t('逾期占比', 'Overdue share'), d.openFindings ? percent(d.overdueFindings / d.openFindings) : '—',
      ['missing', d.openFindings ? d.overdueFindings / d.openFindings : 0], ['done', d.openFindings ? 1 - d.overdueFindings / d.openFindings : 0]),
    el('p', { class: 'legend' }, t(`已开展督查检查 ${d.inspections} 次`, `${d.inspections} inspections so far`), ' ',
      el('button', { type: 'button', class: 'link', onclick: logout }, t('退出', 'Log out'))));
}

async function flagship() {
  const page = await api('/api/v1/public/commitments?department=YP-D-TRANSPORT&size=6');
  document.getElementById('flagship').replaceChildren(...page.items.map((c) =>
    row(c.title, `${c.progressPercent ?? 0}%`, ['done', (c.progressPercent ?? 0) / 100])));
}

let pending = null;
function refreshSoon(alsoFlagship) {
  // Several events in one burst cost one read.
  clearTimeout(pending);
  pending = setTimeout(() => { statistics(); townships(); if (alsoFlagship) flagship(); }, 150);
}

function feed(type, event) {
  const [zh, en] = EVENTS[type];
  const what = type === 'DisclosureStepEscalated' ? label('stepAlert', event.data?.level)
    : event.data?.title || event.data?.name || '';
  const who = event.organizationCode || event.data?.unitCode || '';
  const list = document.getElementById('feed');
  list.prepend(el('li', { 'data-type': type },
    el('span', { class: 'time' }, new Date(event.time || Date.now()).toLocaleTimeString('zh-CN', { hour12: false })),
    `${who} ${t(zh, en)} ${what}`));
  while (list.children.length > 12) list.lastChild.remove();
}

function connect() {
  const status = document.getElementById('connection');
  follow({
    async source() {
      const token = await officialToken();
      return token ? { url: '/api/v1/internal/stream', token } : { url: '/api/v1/public/stream' };
    },
    onState(state) {
      status.dataset.state = state;
      status.textContent = state === 'open' ? t('实时连接正常', 'Live') : t('连接中断，正在重连…', 'Reconnecting…');
      if (state === 'open') refreshSoon(true); // whatever happened while disconnected
    },
    onEvent(type, event) {
      if (!EVENTS[type]) return;
      feed(type, event);
      refreshSoon(type.startsWith('Commitment'));
    },
  });
}

setInterval(() => { document.getElementById('clock').textContent = new Date().toLocaleString('zh-CN', { hour12: false }); }, 1000);
official = await completeLogin().catch(() => false);
if (!official) showFindings(null);
await Promise.all([statistics(), townships(), flagship()]);
connect();
document.body.dataset.ready = 'true';
