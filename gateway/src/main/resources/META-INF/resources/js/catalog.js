// The county's disclosure catalog for the public: each item's scope, timing, channels and who discloses it.
import { api, el, t, label, date, setUpLanguage } from './common.js';

setUpLanguage();


function when(i) {
  if (i.timing === 'EVENT' && i.withinDays) return t(`事项发生后 ${i.withinDays} 日内公开`, `within ${i.withinDays} days of the matter`);
  return label('timing', i.timing);
}

function who(i) {
  return i.organizations
    ? t(`${i.organizations} 个党组织列入本单位公开目录`, `on ${i.organizations} organizations' content lists`)
    : t('尚无党组织列入本单位公开目录', 'on no organization\'s content list yet');
}

function item(i) {
  return el('li', { 'data-id': i.code },
    el('strong', {}, `${i.code} ${i.name}`),
    el('dl', { class: 'catalog-facts' },
      el('dt', {}, t('公开范围', 'Scope')), el('dd', { 'data-field': 'scope' }, label('scope', i.scope)),
      el('dt', {}, t('公开时限', 'Timing')), el('dd', { 'data-field': 'timing' }, when(i)),
      el('dt', {}, t('公开渠道', 'Channels')), el('dd', { 'data-field': 'channels' },
        (i.channels || []).map((ch) => label('channel', ch)).join('、') || '—'),
      el('dt', {}, t('公开主体', 'Who discloses')), el('dd', { 'data-field': 'organizations' }, who(i))));
}

function category(c, open) {
  const details = el('details', {},
    el('summary', {}, `${c.code} ${c.name}`, el('span', { class: 'meta' }, t(`（${c.items.length} 项）`, ` (${c.items.length})`))),
    el('ul', { class: 'catalog-items' }, ...c.items.map(item)));
  details.open = open;
  return el('li', { 'data-id': c.code }, details);
}

try {
  const catalog = await api('/api/v1/public/catalog');
  const summary = document.getElementById('catalog-summary');
  if (!catalog.categories.length) {
    summary.textContent = t('公开目录正在同步，请稍后再看。', 'The catalog is being brought in; please look again shortly.');
  } else {
    summary.textContent = t(
      `共 ${catalog.categories.length} 大类 ${catalog.itemCount} 项；${catalog.organizationsWithList} 个党组织已确定本单位的公开目录。目录发布于 ${date(catalog.publishedAt)}。`,
      `${catalog.categories.length} categories, ${catalog.itemCount} items; ${catalog.organizationsWithList} organizations have settled their content lists. Published ${date(catalog.publishedAt)}.`);
    document.getElementById('catalog-list').replaceChildren(...catalog.categories.map((c, n) => category(c, n === 0)));
  }
} catch (error) {
  document.getElementById('catalog-summary').textContent = t(`公开目录暂时无法读取：${error.message}`, `The catalog cannot be read now: ${error.message}`);
}
document.body.dataset.ready = 'true';
