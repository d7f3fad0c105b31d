// The disclosure page is rendered on the server (readable without JavaScript); here the language switch applies and
// the comment form is sent in place, with field errors beside the fields and the typed text kept.
import { api, t, setUpLanguage, showProblem, clearProblem, notify } from './common.js';

setUpLanguage();

const form = document.getElementById('comment-form');
const id = new URLSearchParams(location.search).get('id');
form?.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearProblem(form);
  const data = new FormData(form);
  try {
    await api(`/api/v1/public/disclosures/${encodeURIComponent(id)}/comments`, {
      method: 'POST', body: { authorName: data.get('authorName') || null, body: data.get('body') },
    });
    form.reset();
    notify(form, t('感谢您的评论，审核通过后将在此显示。', 'Thank you. Your comment will appear once approved.'));
  } catch (error) {
    showProblem(form, error);
  }
});
document.body.dataset.ready = 'true';
