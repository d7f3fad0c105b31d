// Shared by every page: the language switch (Chinese first, English on request), API calls, problem+json errors.
import { LABELS } from './labels.js';

const LANG_KEY = 'lang';

export function lang() {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
}

/** A text in the reader's language: pages are written in Chinese; English comes from data-en or this call. */
export function t(zh, en) {
  return lang() === 'en' && en ? en : zh;
}

/** Swaps every element with data-en into English (or back), and adds the switch button to the header. */
export function setUpLanguage() {
  const apply = () => {
    const en = lang() === 'en';
    document.documentElement.lang = en ? 'en' : 'zh-CN';
    for (const el of document.querySelectorAll('[data-en]')) {
      if (el.dataset.zh === undefined) el.dataset.zh = el.textContent;
      el.textContent = en ? el.dataset.en : el.dataset.zh;
    }
    for (const el of document.querySelectorAll('[data-en-placeholder]')) {
      if (el.dataset.zhPlaceholder === undefined) el.dataset.zhPlaceholder = el.placeholder;
      el.placeholder = en ? el.dataset.enPlaceholder : el.dataset.zhPlaceholder;
    }
  };
  const header = document.querySelector('header.site');
  if (header && !header.querySelector('button.lang')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'lang';
    const label = () => { button.textContent = lang() === 'en' ? '中文' : 'English'; };
    label();
    button.addEventListener('click', () => {
      localStorage.setItem(LANG_KEY, lang() === 'en' ? 'zh' : 'en');
      location.reload();
    });
    header.append(button);
  }
  apply();
}

/** A problem+json answer as an error the forms can show field by field. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

export async function api(path, { method = 'GET', body, token } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    // No answer at all (network down, gateway stopped): say so in the user's words; the form keeps what was typed.
    throw new ApiError(0, { title: t('网络连接失败', 'No connection'),
      detail: t('暂时连不上服务器，您填写的内容仍在页面上，请稍后重试。', 'The server cannot be reached; what you typed is still here. Please try again.') });
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/**
 * Shows a refused command's field errors next to the fields (matched by name, also by the last part of a path such
 * as "content.title") and its detail at the top of the form. Nothing typed is touched.
 */
export function showProblem(form, error) {
  clearProblem(form);
  const summary = form.querySelector('.form-status');
  const problem = error instanceof ApiError ? error.problem : {};
  const unmatched = [];
  for (const { field, message } of problem.errors || []) {
    const name = String(field || '').split('.').pop();
    const input = name && form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (!input) { unmatched.push(message); continue; }
    const id = `${input.id || name}-error`;
    const p = document.createElement('p');
    p.className = 'field-error';
    p.id = id;
    p.textContent = message;
    const anchor = input.closest('fieldset') || input;
    anchor.after(p);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
  }
  if (summary) {
    summary.className = 'form-status notice error';
    summary.textContent = [problem.title || error.message, problem.detail, ...unmatched].filter(Boolean).join('：');
  }
  form.querySelector('[aria-invalid=true]')?.focus();
}

export function clearProblem(form) {
  form.querySelectorAll('.field-error').forEach((p) => p.remove());
  form.querySelectorAll('[aria-invalid]').forEach((el) => { el.removeAttribute('aria-invalid'); el.removeAttribute('aria-describedby'); });
  const summary = form.querySelector('.form-status');
  if (summary) { summary.className = 'form-status'; summary.textContent = ''; }
}

export function notify(form, text) {
  const summary = form.querySelector('.form-status');
  if (summary) { summary.className = 'form-status notice'; summary.textContent = text; }
}

/** Builds an element: el('a', {href: '…'}, 'text', child…). Text is always text, never markup. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    // Through the CSSOM: the pages' Content-Security-Policy refuses style attributes (no inline style).
    else if (key === 'style') for (const rule of String(value).split(';')) {
      const colon = rule.indexOf(':');
      if (colon > 0) node.style.setProperty(rule.slice(0, colon).trim(), rule.slice(colon + 1).trim());
    }
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Replaces a node's children, skipping absent ones (the DOM would otherwise print "null"). */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  return node;
}

export function date(value) {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleString(lang() === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}

export function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

// Every code's [Chinese, English] names, written by the gateway from the one table in the contracts (Labels).
export { LABELS };

/** Where a commitment's milestone stands: reached, reached late, missed (its date passed unreached) or not yet due. */
export function milestoneState(m) {
  if (m.reachedOn) {
    return (m.missedAt || (m.dueDate && m.reachedOn > m.dueDate))
      ? { code: 'REACHED_LATE', text: t('逾期达成', 'Reached late') } : { code: 'REACHED', text: t('已达成', 'Reached') };
  }
  return m.missedAt ? { code: 'MISSED', text: t('逾期未达成', 'Missed') } : { code: 'NOT_DUE', text: t('未到期', 'Not yet due') };
}

/** A commitment's milestones as a list, each with its date and where it stands; null when it has none. */
export function milestoneList(milestones) {
  if (!milestones || !milestones.length) return null;
  return el('ul', { class: 'milestones' }, ...milestones.map((m) => {
    const state = milestoneState(m);
    return el('li', { 'data-state': state.code },
      `${m.title}${m.dueDate ? t(`（时限 ${m.dueDate}）`, ` (due ${m.dueDate})`) : ''} `,
      el('span', { class: `tag ${state.code}` }, state.text),
      m.reachedOn ? el('span', { class: 'meta' }, t(` ${m.reachedOn} 达成`, ` reached ${m.reachedOn}`)) : null);
  }));
}

export function label(group, code) {
  const pair = LABELS[group]?.[code];
  return pair ? t(pair[0], pair[1]) : code;
}
