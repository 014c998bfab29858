// The intake pages' script, loaded after desk.js and working through what it shares (window.HindsightDesk: the
// token, the calls, the messages). It sends the forms that are not plain JSON (a new source, then its page; a
// transcript pasted or uploaded) and, on a transcript's page, lets a person pick a candidate with the mouse or the
// keyboard (j/n next, k/p previous, a accept, d dismiss, Escape closes the form) and accept or dismiss it through
// one form of each kind, which moves under the picked candidate's card; words selected in the transcript fill the
// form to add a span by hand, which moves under their paragraph (s goes there). Text from the page or the API is
// put on the page as text, never as markup.
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
    if (!window.getSelection().isCollapsed) {
      return; // Words being selected, to add a span by hand: the click that ends it picks nothing.
    }
    const mark = event.target.closest('mark.cand');
    const card = mark ? document.getElementById('cand-' + mark.dataset.candidate) : event.target.closest('li.candidate');
    if (card && !event.target.closest('a, form')) {
      pick(card);
    }
  });

  // Adding a span by hand. The page's blocks carry the offset of their first character in the transcript
  // (data-at), so a selection maps to offsets in the stored text; with the text itself (read once from the API)
  // the form gets the very words and which occurrence of them was selected, as the API counts them.
  const manualForm = document.getElementById('manual');
  const manualHome = document.getElementById('manual-home');
  const manualText = document.getElementById('manual-text');
  const manualOccurrence = document.getElementById('manual-occurrence');
  const pageVersion = document.querySelector('.transcript-upload[data-etag]').dataset.etag;
  let storedText = null;

  /** The transcript's text as stored, if it is still the version this page shows; else null. */
  function transcriptText() {
    if (!storedText) {
      storedText = desk.read('/api/v1/sources/' + source + '/transcript', 'text/plain').then(async (response) => {
        if (!response || !response.ok) {
          return null;
        }
        if (response.headers.get('ETag') !== pageVersion) {
          desk.say(status, 'error', 'The transcript was replaced after this page was loaded: reload the page to select words in it.');
          return null;
        }
        return response.text();
      });
    }
    return storedText;
  }

  /** Characters of a block's text up to a point in it, without the candidates' numbers shown after highlights. */
  function offsetIn(text, node, offset, atStart) {
    const before = document.createRange();
    before.setStart(text, 0);
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const ref = element.closest('a.ref');
    if (ref) {
      if (atStart) {
        before.setEndAfter(ref);
      } else {
        before.setEndBefore(ref);
      }
    } else {
      before.setEnd(node, offset);
    }
    const part = before.cloneContents();
    part.querySelectorAll('a.ref').forEach((a) => a.remove());
    return Number(text.dataset.at) + part.textContent.length;
  }

  /** The selection as offsets into the transcript ({start, end, words as shown, block}), or null if it has none. */
  function selectedSpan() {
    const selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) {
      return null;
    }
    const range = selection.getRangeAt(0);
    const texts = Array.from(intake.querySelectorAll('p.text[data-at]')).filter((p) => range.intersectsNode(p));
    if (!texts.length) {
      return null;
    }
    const first = texts[0];
    const last = texts[texts.length - 1];
    const start = first.contains(range.startContainer)
      ? offsetIn(first, range.startContainer, range.startOffset, true)
      : Number(first.dataset.at);
    const end = last.contains(range.endContainer)
      ? offsetIn(last, range.endContainer, range.endOffset, false)
      : offsetIn(last, last, last.childNodes.length, false);
    if (end <= start) {
      return null;
    }
    const shown = range.cloneContents();
    shown.querySelectorAll('a.ref, .locator, ol.candidates, form').forEach((n) => n.remove());
    return { start, end, shown: shown.textContent, block: last.closest('.block') };
  }

  /** Fills the form from the selection (trimmed of white space), under the paragraph where it ends. */
  async function takeSelection() {
    const span = selectedSpan();
    if (!span || manualForm.hidden) {
      return false;
    }
    const text = await transcriptText();
    let words = span.shown.trim();
    let occurrence = '';
    if (text !== null && span.end <= text.length) {
      let start = span.start;
      let end = span.end;
      while (start < end && /\s/.test(text[start])) {
        start++;
      }
      while (end > start && /\s/.test(text[end - 1])) {
        end--;
      }
      words = text.slice(start, end);
      let n = 0;
      for (let i = text.indexOf(words); words && i >= 0 && i <= start; i = text.indexOf(words, i + 1)) {
        n++;
      }
      occurrence = String(n);
    }
    if (!words) {
      return false;
    }
    manualText.value = words;
    manualOccurrence.value = occurrence;
    const box = manualForm.querySelector('.outcome-of-action');
    box.replaceChildren();
    box.className = 'outcome-of-action';
    if (!manualForm.contains(document.activeElement)) {
      span.block.after(manualForm);
    }
    desk.say(status, 'ok', 'The selected words are in the form to add a span by hand, under their paragraph; press s to go there.');
    return true;
  }

  /** s: to the form, with the selected words if there are any. */
  async function toManual() {
    if (!desk.hasToken()) {
      desk.say(status, 'error', 'Paste your API token at the top of the page to add a span by hand.');
      document.getElementById('token-input').focus();
      return;
    }
    await takeSelection();
    manualForm.scrollIntoView({ block: 'nearest' });
    manualText.focus();
  }

  function leaveManual() {
    if (current) {
      current.focus({ preventScroll: true });
    } else {
      document.activeElement.blur();
    }
  }

  // A selection is taken once it is made: when the pointer is released, or (made with the keyboard) when it rests.
  let pointerDown = false;
  let resting = null;
  document.addEventListener('pointerdown', () => {
    pointerDown = true;
  });
  document.addEventListener('pointerup', () => {
    pointerDown = false;
    takeSelection();
  });
  document.addEventListener('selectionchange', () => {
    clearTimeout(resting);
    if (!pointerDown) {
      resting = setTimeout(takeSelection, 200);
    }
  });

  // Words typed or changed by hand: which occurrence the selection was no longer holds.
  manualText.addEventListener('input', () => {
    manualOccurrence.value = '';
  });
  manualForm.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      manualForm.requestSubmit();
    }
  });
  document.getElementById('manual-clear').addEventListener('click', () => {
    manualForm.reset();
    manualForm.querySelector('.outcome-of-action').replaceChildren();
    manualHome.append(manualForm);
    manualText.focus();
  });

  manualForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { body } = desk.requestOf(manualForm);
    const response = await desk.call(manualForm, manualForm.dataset.path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response) {
      const added = await response.json();
      // To the part of the transcript that has it (it may be another than this one), at its card.
      const query = new URLSearchParams(window.location.search);
      query.delete('part');
      query.set('candidate', added.id);
      desk.goSaying(
        'Candidate ' + added.id + ' added by hand: ' + added.state.toLowerCase() + ', proposed as '
          + added.proposedKind.toLowerCase() + '.',
        window.location.pathname + '?' + query.toString() + '#cand-' + added.id);
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
      } else if (event.key === 'Escape' && target.closest('#manual')) {
        leaveManual();
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
      case 's':
        toManual();
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
