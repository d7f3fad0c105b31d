import { api, el, t, label, percent, setUpLanguage } from './common.js';

setUpLanguage();

const EVENTS = {
  DisclosurePublished: ['公开', 'published'], DisclosureCorrected: ['更正', 'corrected'], DisclosureWithdrawn: ['撤回', 'withdrew'],
  DisclosureOverdue: ['逾期未公开', 'missed a period'], DisclosureLapseCured: ['补公开', 'made up a period'],
  CommentApproved: ['新增群众评论', 'new comment'], CommitmentPledged: ['新承诺', 'new commitment'],
  CommitmentProgressReported: ['报告进展', 'progress reported'], CommitmentFulfilled: ['兑现承诺', 'fulfilled'],
  CommitmentOverdue: ['承诺逾期', 'overdue'], CommitmentWithdrawn: ['撤回承诺', 'withdrew'], CommitmentEvaluated: ['群众评议', 'evaluated'],
  EvaluationCommentApproved: ['评议意见', 'evaluation comment'], MediaSubmissionAdopted: ['信息被媒体采用', 'adopted by media'],
  OrganizationRegistered: ['新组织', 'organization registered'],
};

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
  return el('div', { class: 'row' }, el('span', {}, name),
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

async function statistics() {
  const s = await api('/api/public/statistics');
  let kept = 0, all = 0;
  const compliance = Object.entries(s.complianceByType || {}).map(([type, c]) => {
    const total = c.kept + c.late + c.missing;
    kept += c.kept; all += total;
    return row(label('orgType', type), percent(c.onTimeRate), ['kept', c.kept / total], ['late', c.late / total], ['missing', c.missing / total]);
  });
  setFigure('fig-organizations', s.organizations);
  setFigure('fig-disclosures', s.publicDisclosures);
  setFigure('fig-ontime', all ? percent(kept / all) : '—');
  setFigure('fig-comments', s.commentsApproved);
  setFigure('fig-satisfaction', percent(s.satisfaction?.rate));
  document.getElementById('compliance').replaceChildren(...compliance,
    el('p', { class: 'legend' }, t('绿：按时　黄：逾期　红：未公开', 'green: on time, yellow: late, red: missing')));
  document.getElementById('commitments').replaceChildren(...Object.entries(s.commitments || {}).flatMap(([kind, c]) => [
    row(label('kind', kind), `${c.fulfilled}/${c.pledged}`, ['done', c.pledged ? c.fulfilled / c.pledged : 0]),
    el('p', { class: 'legend' }, t(`按时兑现率 ${percent(c.onTimeRate)} · 逾期 ${c.overdue} · 平均进度 ${c.averageProgress ?? '—'}%`,
      `on time ${percent(c.onTimeRate)} · overdue ${c.overdue} · average progress ${c.averageProgress ?? '—'}%`)),
  ]));
  const sat = s.satisfaction || {};
  document.getElementById('satisfaction').replaceChildren(donut(sat.rate), el('p', { class: 'legend' },
    t(`共 ${sat.evaluations} 次评价：满意 ${sat.satisfied}，基本满意 ${sat.basicallySatisfied}，不满意 ${sat.dissatisfied}`,
      `${sat.evaluations} evaluations: ${sat.satisfied} satisfied, ${sat.basicallySatisfied} basically, ${sat.dissatisfied} not`)));
  const media = Object.entries(s.mediaAdoptedByLevel || {});
  const most = Math.max(1, ...media.map(([, n]) => n));
  document.getElementById('media').replaceChildren(...media.map(([level, n]) => row(level, n, ['done', n / most])));
}

async function flagship() {
  const page = await api('/api/public/commitments?department=YP-D-TRANSPORT&size=6');
  document.getElementById('flagship').replaceChildren(...page.items.map((c) =>
    row(c.title, `${c.progressPercent ?? 0}%`, ['done', (c.progressPercent ?? 0) / 100])));
}

let pending = null;
function refreshSoon(alsoFlagship) {
  // Several events in one burst cost one read.
  clearTimeout(pending);
  pending = setTimeout(() => { statistics(); if (alsoFlagship) flagship(); }, 150);
}

function feed(type, event) {
  const [zh, en] = EVENTS[type];
  const what = event.data?.title || event.data?.name || '';
  const list = document.getElementById('feed');
  list.prepend(el('li', { 'data-type': type },
    el('span', { class: 'time' }, new Date(event.time || Date.now()).toLocaleTimeString('zh-CN', { hour12: false })),
    `${event.organizationCode || ''} ${t(zh, en)} ${what}`));
  while (list.children.length > 12) list.lastChild.remove();
}

function connect() {
  const status = document.getElementById('connection');
  const source = new EventSource('/api/public/stream');
  source.onopen = () => {
    status.dataset.state = 'open';
    status.textContent = t('实时连接正常', 'Live');
    refreshSoon(true); // whatever happened while disconnected
  };
  source.onerror = () => {
    status.dataset.state = 'connecting';
    status.textContent = t('连接中断，正在重连…', 'Reconnecting…');
    // The browser retries by itself unless the server refused the stream; then start over.
    if (source.readyState === EventSource.CLOSED) setTimeout(connect, 3000);
  };
  for (const type of Object.keys(EVENTS)) {
    source.addEventListener(type, (message) => {
      let event = {};
      try { event = JSON.parse(message.data); } catch { /* a line we cannot read is shown without details */ }
      feed(type, event);
      refreshSoon(type.startsWith('Commitment'));
    });
  }
}

setInterval(() => { document.getElementById('clock').textContent = new Date().toLocaleString('zh-CN', { hour12: false }); }, 1000);
await Promise.all([statistics(), flagship()]);
connect();
document.body.dataset.ready = 'true';
