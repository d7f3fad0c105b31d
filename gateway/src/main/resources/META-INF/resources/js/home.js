import { api, el, t, date, percent, label, setUpLanguage } from './common.js';
import { citizenSignIn, followButton } from './follow.js';

setUpLanguage();
await citizenSignIn();

const params = new URLSearchParams(location.search);
const q = params.get('q') || '';
document.getElementById('q').value = q;
// The filters the search form sent (kept in the address, so a result list can be bookmarked and shared).
const filters = { organization: params.get('organization') || '', category: params.get('category') || '',
  month: /^\d{4}-\d{2}$/.test(params.get('month') || '') ? params.get('month') : '' };
document.getElementById('month').value = filters.month;
const filtered = Boolean(filters.organization || filters.category || filters.month);

/** The search form's choices: every organization by name, the catalog's categories. */
async function searchChoices() {
  const [organizations, catalog] = await Promise.all([
    api('/api/v1/public/organizations?size=200'), api('/api/v1/public/catalog').catch(() => ({ categories: [] }))]);
  const select = document.getElementById('organization');
  select.append(...organizations.items.slice().sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .map((o) => el('option', { value: o.code }, o.name)));
  select.value = filters.organization;
  const categories = document.getElementById('category');
  categories.append(...(catalog.categories || []).map((c) => el('option', { value: c.code }, `${c.code} ${c.name}`)));
  categories.value = filters.category;
}

/** The filters as query parameters of the public API (a month: any day in it lies within the period). */
function filterQuery() {
  const query = new URLSearchParams();
  if (filters.organization) query.set('organization', filters.organization);
  if (filters.category) query.set('category', filters.category);
  if (filters.month) query.set('period', `${filters.month}-15`);
  return query.toString() ? `&${query}` : '';
}

function figure(value, text, id) {
  return el('div', { class: 'figure', id }, el('div', { class: 'value' }, value), el('div', { class: 'label' }, text));
}

async function figures() {
  const s = await api('/api/v1/public/statistics');
  const practical = s.commitments?.PRACTICAL_THING || {};
  const service = s.commitments?.SERVICE || {};
  document.getElementById('figures').replaceChildren(
    figure(s.organizations, t('党组织', 'Party organizations')),
    figure(s.publicDisclosures, t('已公开事项', 'Public disclosures'), 'fig-disclosures'),
    figure(percent(s.compliance?.onTimeRate), t('按时公开率', 'Disclosed on time')),
    figure(`${practical.fulfilled ?? 0} / ${practical.pledged ?? 0}`, t('为民办实事 已兑现/承诺', 'Practical things fulfilled/pledged')),
    figure(service.pledged ?? 0, t('公开服务承诺', 'Service commitments')),
    figure(percent(s.satisfaction?.rate), t('群众满意率', 'Public satisfaction')),
  );
}

/** A search snippet (the gateway escapes the text and marks the words found with <mark>) as nodes, not as HTML. */
function marked(snippet) {
  const nodes = [];
  let inMark = false;
  for (const part of snippet.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>' || part === '</mark>') { inMark = part === '<mark>'; continue; }
    const text = decode(part);
    if (text) nodes.push(inMark ? el('mark', {}, text) : text);
  }
  return nodes;
}

function decode(escaped) {
  const holder = document.createElement('textarea'); // parses entities; a textarea runs nothing
  holder.innerHTML = escaped;
  return holder.value;
}

function item(d, titleHighlight, bodyHighlight) {
  return el('li', {},
    el('a', { href: `disclosure.html?id=${d.id}` }, ...(titleHighlight ? marked(titleHighlight) : [d.title])),
    bodyHighlight ? el('div', { class: 'snippet' }, ...marked(bodyHighlight)) : '',
    el('div', { class: 'meta' },
      el('a', { href: `org.html?code=${encodeURIComponent(d.organizationCode)}` }, d.organizationName || d.organizationCode),
      ` · ${d.periodStart} ~ ${d.periodEnd} · ${date(d.publishedAt)} · `,
      t(`${d.commentCount} 条评论`, `${d.commentCount} comments`)));
}

async function latest() {
  const list = document.getElementById('latest');
  if (!q) {
    const page = await api(`/api/v1/public/disclosures?size=10${filterQuery()}`);
    if (filtered) document.getElementById('latest-title').textContent = t(`符合条件的公开事项（${page.total} 条）`, `Matching disclosures (${page.total})`);
    list.replaceChildren(...page.items.map((d) => item(d)));
    if (!page.items.length) list.replaceChildren(el('li', {}, t('暂无结果', 'Nothing found')));
    return;
  }
  const found = await api(`/api/v1/public/search?size=10&q=${encodeURIComponent(q)}${filterQuery()}`);
  document.getElementById('latest-title').textContent = t(`“${q}”的搜索结果（${found.total} 条）`, `Results for “${q}” (${found.total})`);
  const items = found.items.map((hit) => item(hit.disclosure, hit.titleHighlight, hit.bodyHighlight));
  if (!items.length) items.push(el('li', {}, t('暂无结果', 'Nothing found')));
  if (found.suggestions?.length) {
    items.unshift(el('li', { class: 'suggestions' }, t('您是不是要找：', 'Did you mean: '),
      ...found.suggestions.flatMap((s, i) => [i ? '、' : '', el('a', { href: `org.html?code=${encodeURIComponent(s.code)}` }, s.name)])));
  }
  list.replaceChildren(...items);
}

async function organizations(text) {
  const page = await api(`/api/v1/public/organizations?demonstration=${text ? '' : 'true'}&size=30${text ? `&q=${encodeURIComponent(text)}` : ''}`);
  document.getElementById('orgs').replaceChildren(...page.items.map((o) => el('li', {},
    el('a', { href: `org.html?code=${encodeURIComponent(o.code)}` }, o.name),
    el('span', { class: 'meta' }, ` ${o.code} · ${label('orgType', o.type)}`, o.demonstrationUnit ? t(' · 示范单位', ' · demonstration unit') : ''))));
}

document.getElementById('org-search').addEventListener('submit', (e) => {
  e.preventDefault();
  organizations(document.getElementById('org-q').value.trim());
});

/** A catalog category's list can be followed: its new disclosures are notified. */
async function categoryFollow() {
  if (!filters.category) return;
  const catalog = await api('/api/v1/public/catalog').catch(() => ({ categories: [] }));
  const category = (catalog.categories || []).find((c) => c.code === filters.category);
  if (category) document.getElementById('latest-title').after(el('p', { id: 'category-follow', class: 'meta' },
    t(`公开目录第${category.code}类「${category.name}」 `, `Catalog category ${category.code} ${category.name} `),
    await followButton('CATEGORY', category.code, category.name)));
}

await Promise.all([figures(), latest(), organizations(''), searchChoices(), categoryFollow()]);
document.body.dataset.ready = 'true';
