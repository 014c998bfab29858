// The intake pages' script, loaded after desk.js and working through what it shares (window.HindsightDesk: the
// token, the calls, the messages). It sends the forms that are not plain JSON (a new source, then its page; a
// transcript pasted or uploaded) and, on a transcript's page, lets a person pick a candidate with the mouse or the
// keyboard (j/n next, k/p previous, a accept, d dismiss, Escape closes the form) and accept or dismiss it through
// one form of each kind, which moves under the picked candidate's card. Text from the page or the API is put on
// the page as text, never as markup.
(() => {
  'use strict';

  const desk = window.HindsightDesk;
  if (!desk) {
    return;
  }

  /** A form's message box says what is wrong before anything is sent. */
  function refuse(form, ...lines) {
    desk.say(form.querySelector('.outcome-of-action'), 'error', ...lines);
  }

  const sourceForm = document.getElementById('source-form');
  if (sourceForm) {
    sourceForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const { body } = desk.requestOf(sourceForm);
      const response = await desk.call(sourceForm, sourceForm.dataset.path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response) {
        const created = await response.json();
        desk.goSaying('Source added. Now add its transcript.', '/desk/sources/' + encodeURIComponent(created.key));
      }
    });
  }

  /** The media type of an uploaded file, by its extension (browsers know no type for .srt or .vtt). */
  const TYPES = {
    txt: 'text/plain; charset=UTF-8',
    text: 'text/plain; charset=UTF-8',
    md: 'text/plain; charset=UTF-8',
    vtt: 'text/vtt; charset=UTF-8',
    srt: 'application/x-subrip; charset=UTF-8',
    html: 'text/html',
    htm: 'text/html',
    pdf: 'application/pdf',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };

  const transcriptForm = document.getElementById('transcript-form');
  if (transcriptForm) {
    transcriptForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = transcriptForm.elements.text.value;
      const file = transcriptForm.elements.file.files[0];
      if (!file && !text.trim()) {
        refuse(transcriptForm, 'Paste the text or choose a file.');
        return;
      }
      if (file && text.trim()) {
        refuse(transcriptForm, 'Either paste the text or choose a file, not both.');
        return;
      }
      const headers = {};
      let body = text;
      if (file) {
        const extension = file.name.includes('.') ? file.name.split('.').pop().toLowerCase() : '';
        headers['Content-Type'] = TYPES[extension] || file.type || 'application/octet-stream';
        body = file;
      } else {
        headers['Content-Type'] = 'text/plain; charset=UTF-8';
      }
      const language = transcriptForm.elements.language.value.trim();
      if (language) {
        headers['Content-Language'] = language;
      }
      if ('replace' in transcriptForm.dataset) {
        headers['If-Match'] = transcriptForm.closest('[data-etag]').dataset.etag;
      }
      const response = await desk.call(transcriptForm, transcriptForm.dataset.path, { method: 'PUT', headers, body });
      if (response) {
        const stored = await response.json();
        const found = stored.found === 1 ? '1 candidate' : stored.found + ' candidates';
        desk.reloadSaying('Transcript stored: ' + found + ' found.' + (stored.rules ? '' : ' This language has no rules yet.'));
      }
    });
  }

  const intake = document.querySelector('section.intake');
  if (!intake) {
    return;
  }
  const source = encodeURIComponent(intake.dataset.source);
  const cards = Array.from(intake.querySelectorAll('li.candidate'));
  const acceptForm = document.getElementById('accept');
  const dismissForm = document.getElementById('dismiss');
  const status = document.getElementById('intake-status');
  let current = null;

  function markOf(card) {
    return document.getElementById('c-' + card.dataset.id);
  }

  /** Picks a candidate: its highlight and card stand out, the text around it is in view, its card has the focus. */
  function pick(card) {
    if (current) {
      current.classList.remove('current');
      const mark = markOf(current);
      if (mark) {
        mark.classList.remove('current');
      }
    }
    current = card;
    card.classList.add('current');
    const mark = markOf(card);
    if (mark) {
      mark.classList.add('current');
      mark.scrollIntoView({ block: 'center' });
    }
    card.scrollIntoView({ block: 'nearest' });
    card.focus({ preventScroll: true });
  }

  function move(step) {
    if (!cards.length) {
      desk.say(status, 'ok', 'No candidate on this page.');
      return;
    }
    const at = current ? cards.indexOf(current) + step : step > 0 ? 0 : cards.length - 1;
    if (at >= cards.length) {
      const next = document.querySelector('nav.pages a[rel=next]');
      if (next) {
        window.location.assign(next.href);
      } else {
        desk.say(status, 'ok', 'That was the last candidate.');
      }
      return;
    }
    if (at < 0) {
      desk.say(status, 'ok', 'That was the first candidate on this page.');
      return;
    }
    pick(cards[at]);
  }

  function close() {
    for (const form of [acceptForm, dismissForm]) {
      form.hidden = true;
    }
    if (current) {
      current.focus({ preventScroll: true });
    }
  }

  /** Opens the form to accept or dismiss the picked candidate (the first one if none is), under its card. */
  function open(form) {
    if (!current) {
      move(1);
      if (!current) {
        return;
      }
    }
    const id = current.dataset.id;
    if (current.dataset.state !== 'PENDING') {
      desk.say(status, 'ok', 'Candidate ' + id + ' is ' + current.dataset.state.toLowerCase() + ' already.');
      return;
    }
    if (!desk.hasToken()) {
      desk.say(status, 'error', 'Paste your API token at the top of the page to accept or dismiss candidates.');
      document.getElementById('token-input').focus();
      return;
    }
    const other = form === acceptForm ? dismissForm : acceptForm;
    other.hidden = true;
    form.reset();
    const box = form.querySelector('.outcome-of-action');
    box.replaceChildren();
    box.className = 'outcome-of-action';
    form.dataset.candidate = id;
    if (form === acceptForm) {
      fill(current.dataset);
      document.getElementById('accept-title').textContent = 'Accept candidate ' + id + ' as a prediction';
    } else {
      document.getElementById('dismiss-title').textContent = 'Dismiss candidate ' + id;
    }
    current.append(form);
    form.hidden = false;
    form.querySelector('input, select, textarea').focus();
  }

  /** The accept form filled from the candidate: its proposed kind and target, the rest left to the editor. */
  function fill(data) {
    const fields = acceptForm.elements;
    fields.kind.value = data.kind;
    fields['target.basis'].value = data.targetBasis || 'NONE';
    fields['target.date'].value = data.targetDate || '';
    fields['target.precision'].value = data.targetPrecision || '';
    fields['target.label'].value = data.targetLabel || '';
  }

  /** After a decision the page shows again at the next candidate, so that the work goes on from there. */
  function nextAnchor() {
    const at = cards.indexOf(current);
    const next = cards[at + 1] || current;
    return next.id;
  }

  async function decide(form, verb, done) {
    const id = form.dataset.candidate;
    const { body } = desk.requestOf(form);
    const response = await desk.call(form, '/api/v1/sources/' + source + '/candidates/' + id + '/' + verb, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response) {
      desk.reloadSaying(done(id, await response.json()), nextAnchor());
    }
  }

  acceptForm.addEventListener('submit', (event) => {
    event.preventDefault();
    decide(acceptForm, 'accept', (id, prediction) => 'Candidate ' + id + ' accepted as prediction ' + prediction.key + '.');
  });
  dismissForm.addEventListener('submit', (event) => {
    event.preventDefault();
    decide(dismissForm, 'dismiss', (id) => 'Candidate ' + id + ' dismissed.');
  });

  intake.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-act]');
    if (button) {
      const act = button.dataset.act;
      if (act === 'close') {
        close();
        return;
      }
      pick(button.closest('li.candidate'));
      open(act === 'accept' ? acceptForm : dismissForm);
      return;
    }
    const mark = event.target.closest('mark.cand');
    const card = mark ? document.getElementById('cand-' + mark.dataset.candidate) : event.target.closest('li.candidate');
    if (card && !event.target.closest('a, form')) {
      pick(card);
    }
  });

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const target = event.target;
    if (target instanceof Element && target.closest('input, textarea, select, [contenteditable]')) {
      if (event.key === 'Escape' && target.closest('form.triage')) {
        close();
      }
      return;
    }
    switch (event.key) {
      case 'j':
      case 'n':
        move(1);
        break;
      case 'k':
      case 'p':
        move(-1);
        break;
      case 'a':
        open(acceptForm);
        break;
      case 'd':
        open(dismissForm);
        break;
      case 'Escape':
        close();
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  // Back from a decision, or from a link to a candidate: that candidate is the picked one.
  const linked = /^#c(?:and)?-(\d+)$/.exec(window.location.hash);
  if (linked) {
    const card = document.getElementById('cand-' + linked[1]);
    if (card) {
      pick(card);
    }
  }
})();
