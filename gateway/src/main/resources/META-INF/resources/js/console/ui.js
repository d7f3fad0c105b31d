// What every part of the console is built from: authorised calls, sections, labelled fields, buttons that act, and
// forms that ask for a reason. Role modules (clerk, review, head, inspector, admin) use only these and common.js.
import { api, el, t, showProblem, clearProblem, notify, ApiError } from '../common.js';
import { accessToken, login } from '../auth.js';

/** An API call as the signed-in official; with no valid session, back to the login. */
export async function call(path, options = {}) {
  const token = await accessToken();
  if (!token) { await login(); throw new Error('login'); }
  return api(path, { ...options, token });
}

/**
 * Downloads a file only a signed-in official may have (a CSV, a PDF, a workbook): fetched with the token, then saved
 * under its name. A refusal is thrown as the problem the server sent.
 */
export async function download(path, filename) {
  const token = await accessToken();
  if (!token) { await login(); throw new Error('login'); }
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { problem = null; }
    throw new ApiError(response.status, problem);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function section(id, title, ...children) {
  return el('section', { id, 'aria-labelledby': `${id}-title` }, el('h2', { id: `${id}-title` }, title), ...children);
}

/** A labelled input; the label points at the input so screen readers and clicks find it. */
export function field(name, text, input) {
  input.id ||= `f-${name}`;
  input.name = name;
  return el('div', {}, el('label', { for: input.id }, text), input);
}

export function localNow() {
  const d = new Date(Date.now() - new Date().getTimezoneOffset() * 60000);
  return d.toISOString().slice(0, 16);
}

/** A form that sends itself: refusals show beside the fields and what was typed stays; success says so. */
export function sendingForm(attrs, children, send) {
  const form = el('form', { novalidate: true, ...attrs }, el('div', { class: 'form-status', role: 'status' }), ...children);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    try {
      const done = await send(new FormData(form), e.submitter);
      if (done) notify(form, done);
    } catch (error) {
      if (error.message !== 'login') showProblem(form, error);
    }
  });
  return form;
}

/** A button that runs one command; a refusal is shown in its list item, nothing else changes. */
export function actionButton(text, run, after) {
  return el('button', { type: 'button', onclick: async (e) => {
    const host = e.target.closest('li, tr, section');
    try { await run(); after?.(); } catch (error) {
      host.querySelector(':scope > .action-error')?.remove();
      host.append(el('p', { class: 'action-error notice error', role: 'alert' }, error.problem?.detail || error.message));
    }
  } }, text);
}

/**
 * A button that opens a small form asking for a reason (send back, reject, withdraw), sends it, and keeps the
 * typed reason if the server refuses it.
 */
export function reasonButton(text, reasonLabel, send, after) {
  const button = el('button', { type: 'button', class: 'secondary' }, text);
  button.addEventListener('click', () => {
    const host = button.parentElement;
    if (host.querySelector('form.reason')) return;
    const id = `reason-${Math.random().toString(36).slice(2)}`;
    const form = sendingForm({ class: 'reason inline' }, [
      field('reason', reasonLabel, el('textarea', { id, rows: 2 })),
      el('button', { type: 'submit' }, t('确定', 'Confirm')), ' ',
      el('button', { type: 'button', class: 'secondary', onclick: () => form.remove() }, t('取消', 'Cancel')),
    ], async (data) => { await send(data.get('reason')); after?.(); return null; });
    host.append(form);
    form.querySelector('textarea').focus();
  });
  return button;
}

export function emptyItem(list, text) {
  if (!list.children.length) list.append(el('li', {}, text));
  return list;
}
