// A live event stream read with fetch (an EventSource cannot send the bearer token an official's stream needs):
// resumes from the last event id after a drop, notices a silent dead connection by the missing keep-alives, and
// tells the page whether it is connected.

const SILENCE = 40_000; // the gateway sends a keep-alive every 15 s
const RETRY = [1000, 2000, 5000, 10_000];

/**
 * Streams until the page goes away; `source` is asked before every (re)connection which stream to read and with
 * which token, so a screen whose session ran out goes on with the public stream.
 * @param {{source: () => Promise<{url: string, token?: string|null}>, onEvent: (type: string, data: object) => void,
 *          onState: (state: 'open'|'connecting') => void}} options
 */
export function follow({ source, onEvent, onState }) {
  let lastId = null;
  let failures = 0;

  async function once() {
    const controller = new AbortController();
    let watchdog;
    const feedDog = () => { clearTimeout(watchdog); watchdog = setTimeout(() => controller.abort(), SILENCE); };
    const headers = { Accept: 'text/event-stream' };
    if (lastId) headers['Last-Event-ID'] = lastId;
    const { url, token } = await source();
    if (token) headers.Authorization = `Bearer ${token}`;
    feedDog();
    try {
      const response = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      failures = 0;
      onState('open');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        feedDog();
        buffer += value.replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } finally {
      clearTimeout(watchdog);
    }
  }

  function dispatch(block) {
    let type = 'message', data = '', id = null;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue; // keep-alive
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (name === 'event') type = value;
      else if (name === 'data') data += (data ? '\n' : '') + value;
      else if (name === 'id') id = value;
    }
    if (id) lastId = id;
    if (!data) return;
    let event = {};
    try { event = JSON.parse(data); } catch { /* an unreadable event is still shown, without details */ }
    onEvent(type, event);
  }

  (async () => {
    for (;;) {
      onState('connecting');
      try { await once(); } catch { /* dropped, refused or silent: wait and resume from the last id */ }
      onState('connecting');
      await new Promise((r) => setTimeout(r, RETRY[Math.min(failures++, RETRY.length - 1)]));
    }
  })();
}
