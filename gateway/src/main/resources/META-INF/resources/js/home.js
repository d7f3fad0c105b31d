import { api, el, t, date, percent, label, setUpLanguage } from './common.js';

setUpLanguage();

const params = new URLSearchParams(location.search);
const q = params.get('q') || '';
document.getElementById('q').value = q;

function figure(value, text, id) {
  return el('div', { class: 'figure', id }, el('div', { class: 'value' }, value), el('div', { class: 'label' }, text));
}

async function figures() {
  const s = await api('/api/public/statistics');
  const practical = s.commitments?.PRACTICAL_THING || {};
  const service = s.commitments?.SERVICE || {};
  let kept = 0, all = 0;
  for (const c of Object.values(s.complianceByType || {})) { kept += c.kept; all += c.kept + c.late + c.missing; }
  document.getElementById('figures').replaceChildren(
    figure(s.organizations, t('党组织', 'Party organizations')),
    figure(s.publicDisclosures, t('已公开事项', 'Public disclosures'), 'fig-disclosures'),
    figure(all ? percent(kept / all) : '—', t('按时公开率', 'Disclosed on time')),
    figure(`${practical.fulfilled ?? 0} / ${practical.pledged ?? 0}`, t('为民办实事 已兑现/承诺', 'Practical things fulfilled/pledged')),
    figure(service.pledged ?? 0, t('公开服务承诺', 'Service commitments')),
    figure(percent(s.satisfaction?.rate), t('群众满意率', 'Public satisfaction')),
  );
}

async function latest() {
  const page = await api(`/api/public/disclosures?size=10${q ? `&q=${encodeURIComponent(q)}` : ''}`);
  const list = document.getElementById('latest');
  if (q) document.getElementById('latest-title').textContent = t(`“${q}”的搜索结果（${page.total} 条）`, `Results for “${q}” (${page.total})`);
  list.replaceChildren(...page.items.map((d) => el('li', {},
    el('a', { href: `disclosure.html?id=${d.id}` }, d.title),
    el('div', { class: 'meta' },
      el('a', { href: `org.html?code=${encodeURIComponent(d.organizationCode)}` }, d.organizationName || d.organizationCode),
      ` · ${d.periodStart} ~ ${d.periodEnd} · ${date(d.publishedAt)} · `,
      t(`${d.commentCount} 条评论`, `${d.commentCount} comments`)))));
  if (!page.items.length) list.replaceChildren(el('li', {}, t('暂无结果', 'Nothing found')));
}

async function organizations(text) {
  const page = await api(`/api/public/organizations?demonstration=${text ? '' : 'true'}&size=30${text ? `&q=${encodeURIComponent(text)}` : ''}`);
  document.getElementById('orgs').replaceChildren(...page.items.map((o) => el('li', {},
    el('a', { href: `org.html?code=${encodeURIComponent(o.code)}` }, o.name),
    el('span', { class: 'meta' }, ` ${o.code} · ${label('orgType', o.type)}`, o.demonstrationUnit ? t(' · 示范单位', ' · demonstration unit') : ''))));
}

document.getElementById('org-search').addEventListener('submit', (e) => {
  e.preventDefault();
  organizations(document.getElementById('org-q').value.trim());
});

await Promise.all([figures(), latest(), organizations('')]);
document.body.dataset.ready = 'true';
