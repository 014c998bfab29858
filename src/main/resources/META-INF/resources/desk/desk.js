// The review desk's script. The pages read without it; it adds the token panel and the action forms. The intake
// pages add intake.js, which works through window.HindsightDesk below.
//
// The token a person pastes is kept in this tab's sessionStorage and sent only in the Authorization header of the
// API calls below, never in a cookie: a request another site makes the browser send carries no credential, so
// there is no CSRF to defend against. The forms call the same REST API as curl does; what the API refuses is shown
// from its problem document (title, detail, the fields at fault) next to the form.
(() => {
  'use strict';

  const TOKEN = 'hindsight.token';
  const FLASH = 'hindsight.flash';
  const store = window.sessionStorage;

  const panel = document.getElementById('token');
  const tokenForm = document.getElementById('token-form');
  const tokenInput = document.getElementById('token-input');
  const who = document.getElementById('token-who');
  const tokenStatus = document.getElementById('token-status');
  /** What the token panel and the forms share with intake.js: current is whose the token is, once checked. */
  const desk = { current: null };
  window.HindsightDesk = desk;

  /** Puts text (never markup) in a message box; kind is ok, error or pending (for its style). */
  function say(box, kind, ...lines) {
    box.replaceChildren();
    box.className = box.className.replace(/\s*message-\w+/g, '') + ' message-' + kind;
    for (const line of lines) {
      if (line instanceof Node) {
        box.append(line);
      } else if (line) {
        const p = document.createElement('p');
        p.textContent = line;
        box.append(p);
      }
    }
  }

  /** The problem document of a refused call, or what can be said without one. */
  async function problemOf(response) {
    try {
      const problem = await response.json();
      if (problem && problem.title) {
        return problem;
      }
    } catch (ignored) {
      // Not JSON: fall through.
    }
    return { title: response.statusText || 'Refused', status: response.status, detail: '' };
  }

  /** A problem as the person reads it: its title, its detail, then each field at fault. */
  function problemLines(problem) {
    const lines = [problem.title + (problem.status ? ' (' + problem.status + ')' : '')];
    if (problem.detail && problem.detail !== problem.title) {
      lines.push(problem.detail);
    }
    if (Array.isArray(problem.errors) && problem.errors.length) {
      const list = document.createElement('ul');
      for (const e of problem.errors) {
        const item = document.createElement('li');
        item.textContent = (e.field ? e.field + ': ' : '') + e.message;
        list.append(item);
      }
      lines.push(list);
    }
    return lines;
  }

  async function whoIs(token) {
    const response = await fetch('/api/v1/tokens/current', {
      headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' },
    });
    if (!response.ok) {
      throw await problemOf(response);
    }
    return response.json();
  }

  function signedIn(current) {
    tokenForm.hidden = true;
    who.hidden = false;
    document.getElementById('token-name').textContent = current.name;
    document.getElementById('token-roles').textContent = current.roles.join(', ');
    desk.current = current;
    showForms(true);
    for (const form of document.querySelectorAll('form.action')) {
      allowFor(form, current);
    }
    document.dispatchEvent(new CustomEvent('hindsight:token', { detail: current }));
  }

  function signedOut() {
    tokenForm.hidden = false;
    who.hidden = true;
    desk.current = null;
    showForms(false);
    document.dispatchEvent(new CustomEvent('hindsight:token', { detail: null }));
  }

  /** The forms (.with-token) show with a token; the notes asking for one (.needs-token) without. */
  function showForms(withToken) {
    for (const note of document.querySelectorAll('.needs-token')) {
      note.hidden = withToken;
    }
    for (const forms of document.querySelectorAll('.with-token')) {
      forms.hidden = !withToken;
    }
  }

  /** A form the token has no role for is shown but cannot be sent, and says which role it needs. */
  function allowFor(form, current) {
    const needed = form.dataset.role.split(' ');
    const allowed = needed.some((role) => current.roles.includes(role));
    form.querySelector('button[type=submit]').disabled = !allowed;
    let note = form.querySelector('.needs-role');
    if (!allowed && !note) {
      note = document.createElement('p');
      note.className = 'needs-role muted';
      note.textContent = 'Needs the role ' + needed.join(' or ') + '; this token has ' + current.roles.join(', ') + '.';
      const heading = form.querySelector('h3');
      if (heading) {
        heading.after(note);
      } else {
        form.prepend(note);
      }
    } else if (allowed && note) {
      note.remove();
    }
  }

  /**
   * The JSON body and query of a form: empty fields are left out, typed ones converted; a name with a dot
   * (target.date) is a field of an object.
   */
  function requestOf(form) {
    const body = {};
    const query = new URLSearchParams();
    const put = (name, value) => {
      const path = name.split('.');
      let into = body;
      for (const part of path.slice(0, -1)) {
        into = into[part] = into[part] || {};
      }
      into[path[path.length - 1]] = value;
    };
    for (const field of form.elements) {
      if (!field.name || field.type === 'file' || ((field.type === 'radio' || field.type === 'checkbox') && !field.checked)) {
        continue;
      }
      const value = field.value.trim();
      if (field.dataset.in === 'query') {
        if (value) {
          query.set(field.name, value);
        }
      } else if (value === '') {
        if ('nullWhenEmpty' in field.dataset) {
          put(field.name, null);
        }
      } else if (field.dataset.type === 'links') {
        put(field.name, value.split(/\s*\n\s*/).filter(Boolean).map((url) => ({ url })));
      } else if (field.dataset.type === 'list') {
        put(field.name, value.split(/\s*,\s*/).filter(Boolean));
      } else if (field.dataset.type === 'percent') {
        put(field.name, Math.round(Number(value)) / 100);
      } else if (field.dataset.type === 'number') {
        put(field.name, Number(value));
      } else {
        put(field.name, value);
      }
    }
    return { body, query: query.toString() };
  }

  /**
   * Sends a form's call with the token; says in the form what happens. The response when the API took it, else
   * null once the refusal is shown (a 412 with a reload button; a 401 forgets the token).
   */
  async function call(form, path, init) {
    const box = form.querySelector('.outcome-of-action');
    const token = store.getItem(TOKEN);
    if (!token) {
      say(box, 'error', 'Paste your API token at the top of the page first.');
      tokenInput.focus();
      return null;
    }
    init.headers = Object.assign({ Authorization: 'Bearer ' + token, Accept: 'application/json' }, init.headers);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    say(box, 'pending', 'Sending…');
    try {
      const response = await fetch(path, init);
      if (response.ok) {
        return response;
      }
      const problem = await problemOf(response);
      if (response.status === 412) {
        const reload = document.createElement('button');
        reload.type = 'button';
        reload.textContent = 'Reload the page';
        reload.addEventListener('click', () => window.location.reload());
        const what = form.dataset.thing || 'prediction';
        say(box, 'error',
          'Someone else changed this ' + what + ' after this page was loaded, so nothing was changed.',
          'Reload the page to see their change, then act again if it is still needed.',
          'The service said: ' + problem.detail,
          reload);
        reload.focus();
        return null;
      }
      say(box, 'error', ...problemLines(problem));
      if (response.status === 401) {
        store.removeItem(TOKEN);
        signedOut();
        say(tokenStatus, 'error', 'The token was refused; paste a valid one.');
      }
    } catch (failure) {
      say(box, 'error', 'The service could not be reached: ' + failure.message);
    } finally {
      button.disabled = false;
    }
    return null;
  }

  /** Shows the page again with the change, saying what was done; at an anchor of it when one is named. */
  function reloadSaying(done, anchor) {
    store.setItem(FLASH, done);
    if (anchor && window.location.hash !== '#' + anchor) {
      window.location.hash = anchor;
    }
    window.location.reload();
  }

  /** A plain action form: its fields as JSON, the version the page showed as If-Match. */
  async function send(form) {
    const { body, query } = requestOf(form);
    const method = form.dataset.method;
    const headers = {};
    const init = { method, headers };
    if (method !== 'DELETE') {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    // The version this page showed: a change someone made since is a 412, not an overwrite.
    if (!('noEtag' in form.dataset)) {
      headers['If-Match'] = form.closest('[data-etag]').dataset.etag;
    }
    const response = await call(form, form.dataset.path + (query ? '?' + query : ''), init);
    if (response) {
      say(form.querySelector('.outcome-of-action'), 'ok', form.dataset.done + '. Reloading the page…');
      reloadSaying(form.dataset.done + '.', form.dataset.then);
    }
  }

  /** Opens another page of the desk, which says what was done. */
  function goSaying(done, url) {
    store.setItem(FLASH, done);
    window.location.assign(url);
  }

  /** A read of the API, with the token when there is one (reads may be anonymous); null when unreachable. */
  async function read(path, accept) {
    const headers = { Accept: accept };
    const token = store.getItem(TOKEN);
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    try {
      return await fetch(path, { headers });
    } catch (unreachable) {
      return null;
    }
  }

  /** Whether a token is kept in this tab (it may still be being checked, as a page loads). */
  function hasToken() {
    return store.getItem(TOKEN) !== null;
  }

  Object.assign(desk, { say, call, read, requestOf, reloadSaying, goSaying, hasToken });

  panel.hidden = false;
  tokenForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = tokenInput.value.trim();
    say(tokenStatus, 'pending', 'Checking the token…');
    try {
      const current = await whoIs(token);
      store.setItem(TOKEN, token);
      tokenInput.value = '';
      say(tokenStatus, 'ok', 'Token accepted.');
      signedIn(current);
    } catch (problem) {
      say(tokenStatus, 'error', ...problemLines(problem));
    }
  });
  document.getElementById('token-forget').addEventListener('click', () => {
    store.removeItem(TOKEN);
    signedOut();
    say(tokenStatus, 'ok', 'The token is forgotten in this tab.');
    tokenInput.focus();
  });
  // A choice the page leaves open on purpose (a resolution's outcome) says, when missing, what to do in its own
  // words: in the browser's bubble and beside the form, where a screen reader hears it (role=alert).
  for (const input of document.querySelectorAll('input[data-missing]')) {
    const group = () => input.form.querySelectorAll('input[name="' + input.name + '"]');
    input.addEventListener('invalid', () => {
      if (input.validity.valueMissing || input.validity.customError) {
        input.setCustomValidity(input.dataset.missing);
        say(input.form.querySelector('.outcome-of-action'), 'error', input.dataset.missing);
      }
    });
    input.addEventListener('change', () => group().forEach((other) => other.setCustomValidity('')));
  }
  for (const form of document.querySelectorAll('form.action:not([data-custom])')) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      send(form);
    });
  }

  const flash = store.getItem(FLASH);
  if (flash) {
    store.removeItem(FLASH);
    const box = document.getElementById('flash');
    box.hidden = false;
    say(box, 'ok', flash);
  }

  const stored = store.getItem(TOKEN);
  if (stored) {
    whoIs(stored).then(signedIn, (problem) => {
      store.removeItem(TOKEN);
      signedOut();
      say(tokenStatus, 'error', 'The token kept in this tab was refused:', ...problemLines(problem));
    });
  } else {
    signedOut();
  }
})();
