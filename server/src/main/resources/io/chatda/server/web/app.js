// Minimal search page: suggestions on each keystroke, results on Enter. All server text is inserted
// as text nodes, except the snippet, which the server sends HTML-escaped with <mark> highlights.
(function () {
  'use strict';
  const input = document.getElementById('q');
  const list = document.getElementById('suggestions');
  const form = document.getElementById('search-form');
  const results = document.getElementById('results');
  const summary = document.getElementById('summary');
  let pending = null;

  function showSuggestions(items) {
    list.replaceChildren();
    for (const item of items) {
      const li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.textContent = item.text;
      li.addEventListener('mousedown', (e) => { e.preventDefault(); input.value = item.text; search(); });
      list.appendChild(li);
    }
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(items.length > 0));
  }

  async function suggest() {
    const q = input.value.trim();
    if (pending) pending.abort();
    if (!q) { showSuggestions([]); return; }
    pending = new AbortController();
    try {
      const res = await fetch('/api/suggest?q=' + encodeURIComponent(q), { signal: pending.signal });
      if (res.ok) showSuggestions((await res.json()).suggestions);
    } catch (e) { /* aborted or offline: keep the box quiet */ }
  }

  async function search() {
    const q = input.value.trim();
    showSuggestions([]);
    if (!q) return;
    const res = await fetch('/api/search?q=' + encodeURIComponent(q));
    const body = await res.json();
    results.replaceChildren();
    if (!res.ok) { summary.textContent = body.error; return; }
    summary.textContent = body.total + ' results (' + body.tookMs.toFixed(1) + ' ms)';
    for (const r of body.results) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = r.url; a.textContent = r.title;
      const url = document.createElement('div');
      url.className = 'url'; url.textContent = r.url;
      const snippet = document.createElement('p');
      snippet.innerHTML = r.snippet; // escaped by the server
      li.append(a, url, snippet);
      results.appendChild(li);
    }
  }

  input.addEventListener('input', suggest);
  form.addEventListener('submit', (e) => { e.preventDefault(); search(); });
  input.addEventListener('keydown', (e) => { if (e.key === 'Escape') showSuggestions([]); });
})();
