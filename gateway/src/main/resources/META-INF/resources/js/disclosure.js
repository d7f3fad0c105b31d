import { api, el, fill, t, date, label, setUpLanguage, showProblem, clearProblem, notify } from './common.js';

setUpLanguage();

const id = new URLSearchParams(location.search).get('id');

async function show() {
  const d = await api(`/api/public/disclosures/${encodeURIComponent(id)}`);
  document.title = `${d.title} · ${t('玉屏县党务公开', 'Yuping County party affairs')}`;
  const versions = (d.versions || []).filter((v) => v.contentVersion !== d.contentVersion || v.reason);
  fill(document.getElementById('disclosure'),
    el('h1', { id: 'title' }, d.title),
    el('p', { class: 'meta' },
      el('a', { href: `org.html?code=${encodeURIComponent(d.organizationCode)}` }, d.organizationName || d.organizationCode),
      ` · ${t('所属期间', 'Period')} ${d.periodStart} ~ ${d.periodEnd} · ${t('公开时间', 'Published')} ${date(d.publishedAt)}`),
    el('p', {},
      el('span', { class: 'tag' }, label('scope', d.scope)),
      ...(d.channels || []).map((c) => el('span', { class: 'tag' }, label('channel', c))),
      ...(d.itemCodes || []).map((c) => el('span', { class: 'tag' }, c))),
    d.withdrawReason ? el('p', { class: 'notice error' }, t('已撤回：', 'Withdrawn: '), d.withdrawReason) : null,
    el('div', { class: 'body-text', id: 'body-text' }, d.body),
    versions.length ? el('section', { 'aria-labelledby': 'versions-title' },
      el('h2', { id: 'versions-title' }, t('版本记录（更正）', 'Version history (corrections)')),
      el('ol', { class: 'timeline' }, ...d.versions.map((v) => el('li', {},
        el('strong', {}, t(`第 ${v.contentVersion} 版`, `Version ${v.contentVersion}`)), ` · ${date(v.at)} · ${v.title}`,
        v.reason ? el('div', { class: 'meta' }, t('更正理由：', 'Reason: '), v.reason) : null)))) : null,
  );
}

async function comments() {
  const c = await api(`/api/public/disclosures/${encodeURIComponent(id)}/comments`);
  document.getElementById('comment-count').textContent = t(`已有 ${c.count} 人发表了评论`, `${c.count} comments so far`);
  document.getElementById('comments').replaceChildren(...c.comments.map((x) => el('li', {},
    el('div', { class: 'meta' }, `${x.authorName || t('匿名群众', 'Anonymous')} · ${date(x.approvedAt)}`),
    el('div', {}, x.body))));
}

const form = document.getElementById('comment-form');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearProblem(form);
  const data = new FormData(form);
  try {
    await api(`/api/public/disclosures/${encodeURIComponent(id)}/comments`, {
      method: 'POST', body: { authorName: data.get('authorName') || null, body: data.get('body') },
    });
    form.reset();
    notify(form, t('感谢您的评论，审核通过后将在此显示。', 'Thank you. Your comment will appear once approved.'));
  } catch (error) {
    showProblem(form, error);
  }
});

if (!id) {
  document.getElementById('title').textContent = t('未指定公开事项', 'No disclosure given');
} else {
  try {
    await Promise.all([show(), comments()]);
  } catch (error) {
    document.getElementById('title').textContent = error.status === 404 ? t('未找到该公开事项', 'Not found') : error.message;
  }
}
document.body.dataset.ready = 'true';
