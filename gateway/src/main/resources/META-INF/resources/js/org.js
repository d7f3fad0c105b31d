import { api, el, t, date, label, setUpLanguage } from './common.js';
import { citizenSignIn, followButton } from './follow.js';

setUpLanguage();

await citizenSignIn();
const code = new URLSearchParams(location.search).get('code');

function bar(percent) {
  return el('div', { class: 'progress', role: 'progressbar', 'aria-valuenow': percent ?? 0, 'aria-valuemin': 0, 'aria-valuemax': 100 },
    el('span', { style: `width:${percent ?? 0}%` }));
}

try {
  const page = await api(`/api/v1/public/organizations/${encodeURIComponent(code)}`);
  const o = page.organization;
  document.title = `${o.name} · ${t('玉屏县党务公开', 'Yuping County party affairs')}`;
  document.getElementById('name').textContent = o.name;
  document.getElementById('name').after(await followButton('ORGANIZATION', o.code, o.name));
  document.getElementById('about').textContent = [
    o.code, label('orgType', o.type),
    t(`每 ${o.cadenceMonths} 个月公开一次`, `discloses every ${o.cadenceMonths} month(s)`),
    o.demonstrationUnit ? t(`示范单位，指导组：${o.guidanceGroupName}`, `demonstration unit, guidance group ${o.guidanceGroupName}`) : null,
  ].filter(Boolean).join(' · ');
  // Its Atom feed (a township committee's also for every organization under it): for feed readers in the head,
  // for people beside the name.
  const feeds = [[`/api/v1/public/feeds/organizations/${encodeURIComponent(o.code)}`,
    t('订阅本组织公开（RSS/Atom）', 'Subscribe to its disclosures (RSS/Atom)'), `${o.name} · 党务公开`]];
  if (o.type === 'township-committee') feeds.push([`/api/v1/public/feeds/townships/${encodeURIComponent(o.code)}`,
    t('订阅本镇及所辖党组织公开（RSS/Atom）', 'Subscribe to the township and its organizations (RSS/Atom)'), `${o.name}及所辖党组织 · 党务公开`]);
  for (const [href, , title] of feeds) document.head.append(el('link', { rel: 'alternate', type: 'application/atom+xml', title, href }));
  document.getElementById('about').after(el('p', { id: 'feeds', class: 'meta' },
    ...feeds.flatMap(([href, text], i) => [i ? ' · ' : '', el('a', { href, type: 'application/atom+xml' }, text)])));
  document.getElementById('about').after(el('p', { id: 'content-list', class: 'meta' },
    (o.contentItems || []).length ? t(`公开的内容和目录：${o.contentItems.join('、')}`, `Content list: ${o.contentItems.join(', ')}`)
      : t('尚未确定公开的内容和目录', 'No content list settled yet')));
  // The cadence engine's figures for this organization, counted by the one rule (on time ÷ periods due).
  const sum = page.complianceSummary;
  document.getElementById('compliance').before(el('p', { id: 'compliance-summary' },
    t(`按时公开率 ${sum.onTimeRate == null ? '—' : (sum.onTimeRate * 100).toFixed(1) + '%'}：应公开 ${sum.periodsDue} 期，按时 ${sum.kept}，逾期 ${sum.late}，未公开 ${sum.missing}${sum.exempted ? `，免于公开 ${sum.exempted}` : ''}`,
      `On time ${sum.onTimeRate == null ? '—' : (sum.onTimeRate * 100).toFixed(1) + '%'}: ${sum.periodsDue} due, ${sum.kept} on time, ${sum.late} late, ${sum.missing} missing${sum.exempted ? `, ${sum.exempted} exempted` : ''}`)));
  document.getElementById('compliance').append(
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('期间', 'Period')), el('th', { scope: 'col' }, t('情况', 'State')), el('th', { scope: 'col' }, t('截止日期', 'Due')))),
    el('tbody', {}, ...page.compliance.map((c) => el('tr', {},
      el('td', {}, `${c.periodStart} ~ ${c.periodEnd}`), el('td', {}, el('span', { class: `tag ${c.state}` }, label('status', c.state)), c.exemptionReason ? ` ${c.exemptionReason}` : ''), el('td', {}, c.dueDate || '')))));
  const disclosures = [...page.recentDisclosures].sort((a, b) => String(b.periodStart).localeCompare(String(a.periodStart)));
  document.getElementById('disclosures').replaceChildren(...disclosures.map((d) => el('li', {},
    el('span', { class: 'meta' }, `${d.periodStart} ~ ${d.periodEnd} `), el('a', { href: `disclosure.html?id=${d.id}` }, d.title),
    el('div', { class: 'meta' }, date(d.publishedAt)))));
  if (!disclosures.length) document.getElementById('disclosures').replaceChildren(el('li', {}, t('暂无公开事项', 'No disclosures yet')));
  document.getElementById('commitments').replaceChildren(...page.commitments.map((c) => el('li', {},
    el('a', { href: `commitments.html?organization=${encodeURIComponent(o.code)}#c-${c.id}` }, c.title),
    el('span', { class: `tag ${c.status}` }, label('status', c.status)), bar(c.progressPercent))));
  if (!page.commitments.length) document.getElementById('commitments').replaceChildren(el('li', {}, t('暂无承诺事项', 'No commitments yet')));
} catch (error) {
  document.getElementById('name').textContent = error.status === 404 ? t('未找到该党组织', 'Organization not found') : error.message;
}
document.body.dataset.ready = 'true';
