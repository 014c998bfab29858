// The review desk's one script. The pages read without it; it adds the token panel and the action forms.
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
  const actions = document.querySelector('section.actions');

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
    if (actions) {
      actions.querySelector('.needs-token').hidden = true;
      actions.querySelector('.forms').hidden = false;
      for (const form of actions.querySelectorAll('form.action')) {
        allowFor(form, current);
      }
    }
  }

  function signedOut() {
    tokenForm.hidden = false;
    who.hidden = true;
    if (actions) {
      actions.querySelector('.needs-token').hidden = false;
      actions.querySelector('.forms').hidden = true;
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
      form.querySelector('h3').after(note);
    } else if (allowed && note) {
      note.remove();
    }
  }

  /** The JSON body and query of a form: empty fields are left out, typed ones converted. */
  function requestOf(form) {
    const body = {};
    const query = new URLSearchParams();
    for (const field of form.elements) {
      if (!field.name || ((field.type === 'radio' || field.type === 'checkbox') && !field.checked)) {
        continue;
      }
      const value = field.value.trim();
      if (field.dataset.in === 'query') {
        if (value) {
          query.set(field.name, value);
        }
      } else if (value === '') {
        if ('nullWhenEmpty' in field.dataset) {
          body[field.name] = null;
        }
      } else if (field.dataset.type === 'links') {
        body[field.name] = value.split(/\s*\n\s*/).filter(Boolean).map((url) => ({ url }));
      } else if (field.dataset.type === 'percent') {
        body[field.name] = Math.round(Number(value)) / 100;
      } else if (field.dataset.type === 'number') {
        body[field.name] = Number(value);
      } else {
        body[field.name] = value;
      }
    }
    return { body, query: query.toString() };
  }

  async function send(form) {
    const box = form.querySelector('.outcome-of-action');
    const token = store.getItem(TOKEN);
    if (!token) {
      say(box, 'error', 'Paste your API token at the top of the page first.');
      tokenInput.focus();
      return;
    }
    const { body, query } = requestOf(form);
    const method = form.dataset.method;
    const headers = { Authorization: 'Bearer ' + token, Accept: 'application/json' };
    const init = { method, headers };
    if (method !== 'DELETE') {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    // The version this page showed: a change someone made since is a 412, not an overwrite.
    if (!('noEtag' in form.dataset)) {
      headers['If-Match'] = actions.dataset.etag;
    }
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    say(box, 'pending', 'Sending…');
    try {
      const response = await fetch(form.dataset.path + (query ? '?' + query : ''), init);
      if (response.ok) {
        store.setItem(FLASH, form.dataset.done + '.');
        say(box, 'ok', form.dataset.done + '. Reloading the page…');
        window.location.reload();
        return;
      }
      const problem = await problemOf(response);
      if (response.status === 412) {
        const reload = document.createElement('button');
        reload.type = 'button';
        reload.textContent = 'Reload the page';
        reload.addEventListener('click', () => window.location.reload());
        say(box, 'error',
          'Someone else changed this prediction after this page was loaded, so nothing was changed.',
          'Reload the page to see their change, then act again if it is still needed.',
          'The service said: ' + problem.detail,
          reload);
        reload.focus();
        return;
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
  }

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
  if (actions) {
    for (const form of actions.querySelectorAll('form.action')) {
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        send(form);
      });
    }
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
