// "Exit this page": a click on the control, or Shift pressed three times
// within five seconds, hides the page at once and replaces it with the
// configured neutral page. Without JavaScript the control is a plain link.
(function () {
  'use strict';
  var root = document.querySelector('[data-exit]');
  if (!root) { return; }
  var link = root.querySelector('.exit-button');
  var status = root.querySelector('[data-exit-status]');
  var presses = 0;
  var timer = null;

  function say(text) { status.textContent = text; }

  function exit(event) {
    if (event) { event.preventDefault(); }
    document.documentElement.classList.add('exiting');
    document.title = '.';
    say(root.getAttribute('data-activated'));
    window.location.replace(link.href);
  }

  function reset() {
    if (presses > 0 && presses < 3) { say(root.getAttribute('data-expired')); }
    presses = 0;
    timer = null;
  }

  link.addEventListener('click', exit);
  document.addEventListener('keyup', function (event) {
    if (event.key !== 'Shift') { window.clearTimeout(timer); presses = 0; return; }
    presses += 1;
    if (presses === 1) { timer = window.setTimeout(reset, 5000); }
    if (presses === 1) { say(root.getAttribute('data-press-two')); }
    if (presses === 2) { say(root.getAttribute('data-press-one')); }
    if (presses >= 3) { window.clearTimeout(timer); exit(); }
  }, true);
  // Coming back with the Back button must not show a blank page.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) { document.documentElement.classList.remove('exiting'); presses = 0; say(''); }
  });
}());
