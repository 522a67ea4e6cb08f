// chatda search box: a WAI-ARIA combobox whose listbox shows suggestions for every keystroke, also
// while Korean is being composed, and this browser's recent searches when the box is empty.
// The page works without this script (the form submits to /search); the script only enhances it.
// Server text is always inserted as text nodes; nothing here builds HTML from strings.
(function () {
  'use strict';

  const form = document.getElementById('search-form');
  const input = document.getElementById('q');
  const panel = document.getElementById('suggest-panel');
  const list = document.getElementById('suggestions');
  const status = document.getElementById('suggest-status');
  const foot = panel && panel.querySelector('.panel-foot');
  const clearRecent = document.getElementById('clear-recent');
  if (!form || !input || !panel || !list) return;

  const LIMIT = 8;
  const CACHE_MAX = 300;
  const RECENT_KEY = 'chatda.recent';
  const RECENT_MAX = 10;
  const KIND_LABEL = { query: '검색어', title: '문서', heading: '섹션', topic: '주제', word: '단어', phrase: '구절', recent: '최근' };

  const cache = new Map(); // trimmed prefix -> suggestions, in insertion order for eviction
  let items = []; // what the listbox shows: { text, kind, url?, spans? }
  let mode = 'closed'; // 'closed' | 'suggest' | 'recent'
  let active = -1; // index of the highlighted option, -1 for none
  let typed = input.value; // what the user typed, restored when arrowing back to the box
  let lastRequested = null; // the value whose suggestions were last asked for
  let seq = 0; // increases with every request; an answer renders only if it is still the latest
  let inflight = null; // AbortController of the request in flight
  let quietUntil = 0; // after a 503/429, no suggest requests until then

  // ---- recent searches (localStorage; a browser without storage simply has none)

  function recentLoad() {
    try {
      const value = JSON.parse(localStorage.getItem(RECENT_KEY) || '[]');
      return Array.isArray(value) ? value.filter((q) => typeof q === 'string' && q.trim()) : [];
    } catch (e) {
      return [];
    }
  }

  function recentSave(values) {
    try {
      if (values.length) localStorage.setItem(RECENT_KEY, JSON.stringify(values.slice(0, RECENT_MAX)));
      else localStorage.removeItem(RECENT_KEY);
    } catch (e) { /* storage full or disabled: recent searches are a convenience */ }
  }

  function recentAdd(q) {
    q = q.trim();
    if (q) recentSave([q].concat(recentLoad().filter((r) => r !== q)));
  }

  function recentRemove(q) {
    recentSave(recentLoad().filter((r) => r !== q));
  }

  // ---- suggestions

  function remember(key, suggestions) {
    cache.delete(key);
    cache.set(key, suggestions);
    if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value);
  }

  function retryAfterMs(res) {
    const seconds = Number(res.headers.get('Retry-After'));
    return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 10) * 1000 : 1000;
  }

  function request(value) {
    const my = ++seq;
    lastRequested = value;
    if (inflight) {
      inflight.abort();
      inflight = null;
    }
    const key = value.trim();
    if (!key) {
      showRecent();
      return;
    }
    const cached = cache.get(key);
    if (cached) {
      render(cached, key, 'suggest');
      return;
    }
    if (Date.now() < quietUntil) {
      close();
      return;
    }
    const controller = new AbortController();
    inflight = controller;
    fetch('/api/suggest?q=' + encodeURIComponent(key) + '&limit=' + LIMIT, {
      signal: controller.signal,
      headers: { Accept: 'application/json' },
    })
      .then((res) => {
        if (res.status === 503 || res.status === 429) {
          quietUntil = Date.now() + retryAfterMs(res);
          throw new Error('busy');
        }
        if (!res.ok) throw new Error('status ' + res.status);
        return res.json();
      })
      .then((body) => {
        const suggestions = body && Array.isArray(body.suggestions) ? body.suggestions : [];
        remember(key, suggestions);
        if (my === seq) render(suggestions, key, 'suggest');
      })
      .catch(() => {
        // aborted, offline or shed: say nothing; the form still searches
        if (my === seq) close();
      })
      .finally(() => {
        if (inflight === controller) inflight = null;
      });
  }

  function onTyping() {
    const value = input.value;
    if (value === lastRequested && mode !== 'closed') return;
    typed = value;
    request(value);
  }

  function showRecent() {
    const recent = recentLoad();
    if (!recent.length) {
      close();
      return;
    }
    render(recent.map((text) => ({ text: text, kind: 'recent' })), '', 'recent');
  }

  // ---- rendering

  // Matched spans: the engine's spans ([start, end] or {start, end}, UTF-16 offsets), which mark every match
  // kind (partial syllables, initials, keyboard layout, typos), else the typed text where it literally occurs.
  function matchedSpans(text, q, spans) {
    if (Array.isArray(spans) && spans.length) {
      return spans
        .map((h) => (Array.isArray(h) ? h : [h && h.start, h && h.end]))
        .filter((h) => Number.isInteger(h[0]) && Number.isInteger(h[1]) && h[0] >= 0 && h[0] < h[1] && h[1] <= text.length)
        .sort((a, b) => a[0] - b[0]);
    }
    if (!q) return [];
    const at = text.toLowerCase().indexOf(q.toLowerCase());
    return at >= 0 ? [[at, at + q.length]] : [];
  }

  function markedText(text, spans) {
    const out = document.createElement('span');
    out.className = 'text';
    let pos = 0;
    for (const [start, end] of spans) {
      if (start < pos) continue;
      if (start > pos) out.append(text.slice(pos, start));
      const b = document.createElement('b');
      b.textContent = text.slice(start, end);
      out.append(b);
      pos = end;
    }
    if (pos < text.length) out.append(text.slice(pos));
    return out;
  }

  function option(item, index, q) {
    const li = document.createElement('li');
    const kind = KIND_LABEL[item.kind] ? item.kind : 'query';
    li.id = 'suggestion-' + index;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.className = 'option kind-' + kind;
    li.dataset.index = String(index);
    li.append(markedText(item.text, matchedSpans(item.text, q, item.spans)));
    if (opensDocument(item)) li.dataset.url = item.url;
    const label = document.createElement('span');
    label.className = 'kind';
    label.textContent = KIND_LABEL[kind];
    li.append(label);
    if (kind === 'recent') {
      const remove = document.createElement('span');
      remove.className = 'remove';
      remove.setAttribute('aria-hidden', 'true'); // keyboard users press Delete on the option
      remove.title = '삭제';
      remove.textContent = '×';
      li.append(remove);
    }
    return li;
  }

  function render(suggestions, q, newMode) {
    items = suggestions.filter((s) => s && typeof s.text === 'string' && s.text);
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (!items.length) {
      close();
      return;
    }
    mode = newMode;
    list.replaceChildren(...items.map((item, i) => option(item, i, q)));
    list.setAttribute('aria-label', mode === 'recent' ? '최근 검색어' : '검색어 제안');
    if (foot) foot.hidden = mode !== 'recent';
    panel.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (status) status.textContent = (mode === 'recent' ? '최근 검색어 ' : '검색어 제안 ') + items.length + '개';
  }

  function close() {
    mode = 'closed';
    items = [];
    active = -1;
    lastRequested = null;
    panel.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    if (status) status.textContent = '';
  }

  function setActive(index) {
    const options = list.children;
    if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
    active = index;
    if (active >= 0) {
      const li = options[active];
      li.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', li.id);
      input.value = items[active].text;
      li.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
      input.value = typed;
    }
  }

  function move(delta) {
    const n = items.length;
    let next = active + delta;
    if (next >= n) next = -1;
    if (next < -1) next = n - 1;
    setActive(next);
  }

  // A suggestion of a document (a title or heading) opens it: a web address as it is, an imported
  // file through its view (/doc/ + the URL in unpadded base64url, as the results page links it); any other searches.
  function opensDocument(item) {
    return (item.kind === 'title' || item.kind === 'heading') && typeof item.url === 'string' &&
      /^(https?|file):/i.test(item.url);
  }

  function documentAddress(url) {
    if (/^https?:\/\//i.test(url)) return url;
    let binary = '';
    new TextEncoder().encode(url).forEach((b) => { binary += String.fromCharCode(b); });
    return '/doc/' + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function pick(item) {
    if (opensDocument(item)) {
      recentAdd(item.text);
      close();
      window.location.assign(documentAddress(item.url));
    } else {
      go(item.text);
    }
  }

  function go(q) {
    q = q.trim();
    if (!q) return;
    close();
    window.location.assign('/search?q=' + encodeURIComponent(q));
  }

  function removeRecentAt(index, byKeyboard) {
    recentRemove(items[index].text);
    typed = '';
    input.value = '';
    showRecent();
    if (byKeyboard && mode === 'recent') setActive(Math.min(index, items.length - 1));
    input.focus();
  }

  // ---- events

  input.addEventListener('input', onTyping);
  // Some browsers update the value only after compositionupdate; read it once they have.
  input.addEventListener('compositionupdate', () => setTimeout(onTyping, 0));
  input.addEventListener('compositionend', () => setTimeout(onTyping, 0));

  // Focus opens the list: recent searches for an empty box, suggestions for a filled one.
  input.addEventListener('focus', () => {
    if (mode !== 'closed') return;
    if (!input.value.trim()) {
      showRecent();
    } else {
      typed = input.value;
      request(input.value);
    }
  });
  input.addEventListener('click', () => {
    if (!input.value.trim() && mode === 'closed') showRecent();
  });

  input.addEventListener('keydown', (e) => {
    if (e.isComposing || e.keyCode === 229) return; // the IME owns the keys while composing
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (mode === 'closed') {
          typed = input.value;
          request(input.value);
        } else {
          move(1);
        }
        break;
      case 'ArrowUp':
        if (mode === 'closed') return;
        e.preventDefault();
        move(-1);
        break;
      case 'Enter':
        if (mode !== 'closed' && active >= 0) {
          e.preventDefault();
          pick(items[active]);
        }
        break; // otherwise the form submits as usual
      case 'Escape':
        if (mode !== 'closed') {
          e.preventDefault();
          input.value = typed;
          close();
        }
        break;
      case 'Tab':
        if (mode === 'suggest') {
          if (active >= 0) typed = input.value; // keep the highlighted suggestion as the text
          close();
        }
        break; // in recent mode, Tab may move on to the clear-all button
      case 'Delete':
        if (mode === 'recent' && active >= 0) {
          e.preventDefault();
          removeRecentAt(active, true);
        }
        break;
      default:
    }
  });

  // Mouse and touch: keep focus in the box while choosing, then act on click (taps click too).
  panel.addEventListener('mousedown', (e) => {
    if (e.target !== clearRecent) e.preventDefault();
  });
  list.addEventListener('click', (e) => {
    const li = e.target.closest('li[role="option"]');
    if (!li) return;
    const index = Number(li.dataset.index);
    if (e.target.closest('.remove')) removeRecentAt(index, false);
    else pick(items[index]);
  });
  if (clearRecent) {
    clearRecent.addEventListener('click', () => {
      recentSave([]);
      input.value = typed; // not the highlighted recent search, which would be suggested on refocus
      close();
      input.focus();
    });
  }
  form.addEventListener('focusout', (e) => {
    if (!form.contains(e.relatedTarget)) close();
  });
  form.addEventListener('submit', (e) => {
    if (!input.value.trim()) {
      e.preventDefault();
      input.focus();
    }
  });

  // '/' jumps to the search box from anywhere on the page
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && t !== input &&
        !(t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || (t && t.isContentEditable))) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });

  // A results page is a search that happened: remember it.
  if (document.body.classList.contains('results-page') && input.value.trim()) recentAdd(input.value);
})();
