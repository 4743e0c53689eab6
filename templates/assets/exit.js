// "Exit this page", as the GOV.UK Design System has it. A click, Enter or
// Space on the control (it is announced as a button), or Shift pressed on
// its own three times with less than five seconds between presses, hides
// the page at once and replaces it with the configured neutral page.
// Three lights on the control show the count, and a live region says it;
// a pause, or any other key, starts the count again and says so. Shift
// held for another key (Shift+Tab) does not count. Without JavaScript the
// control is a plain link.
(function () {
  'use strict';
  var root = document.querySelector('[data-exit]');
  if (!root) { return; }
  var link = root.querySelector('.exit-button');
  var status = root.querySelector('[data-exit-status]');
  var pause = 5000;
  var presses = 0;
  var timer = null;
  var quiet = null;
  var modified = false; // the last key released was held with Shift
  var lights = document.createElement('span');
  lights.className = 'exit-indicator';
  lights.setAttribute('aria-hidden', 'true');
  for (var i = 0; i < 3; i += 1) { lights.appendChild(document.createElement('span')); }
  link.appendChild(lights);

  function say(text) {
    window.clearTimeout(quiet);
    status.textContent = text;
  }

  function show() {
    root.classList.toggle('counting', presses > 0);
    for (var i = 0; i < 3; i += 1) { lights.children[i].classList.toggle('on', i < presses); }
  }

  function exit(event) {
    if (event) { event.preventDefault(); }
    window.clearTimeout(timer);
    document.documentElement.classList.add('exiting');
    document.title = '.';
    say(root.getAttribute('data-activated'));
    window.location.replace(link.href);
  }

  // reset starts the count again and says so; the message goes after a while.
  function reset() {
    window.clearTimeout(timer);
    presses = 0;
    show();
    say(root.getAttribute('data-expired'));
    quiet = window.setTimeout(function () { status.textContent = ''; }, pause);
  }

  function shift() {
    presses += 1;
    show();
    window.clearTimeout(timer);
    if (presses >= 3) { exit(); return; }
    say(root.getAttribute(presses === 1 ? 'data-press-two' : 'data-press-one'));
    timer = window.setTimeout(reset, pause);
  }

  link.addEventListener('click', exit);
  link.addEventListener('keydown', function (event) {
    if (event.key === ' ' || event.key === 'Spacebar') { exit(event); }
  });
  document.addEventListener('keyup', function (event) {
    if (event.key === 'Shift' && !modified) {
      shift();
    } else if (presses > 0) {
      reset();
    }
    modified = event.shiftKey;
  }, true);
  // Coming back with the Back button must not show a blank page.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      document.documentElement.classList.remove('exiting');
      presses = 0;
      show();
      say('');
    }
  });
}());
