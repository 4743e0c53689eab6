// Live reload for victimsite serve, which adds this script to every page it
// previews (never to a build). It listens to the preview's event stream and
// reloads the page when a new build is served. data-build names the build
// the page came from, so a build that finished while the page was loading
// reloads it too.
(function () {
  "use strict";
  var me = document.currentScript;
  var since = me ? me.getAttribute("data-build") || "" : "";
  var events = new EventSource("/__victimsite/events?since=" + encodeURIComponent(since));
  events.onopen = function () {
    if (me) me.setAttribute("data-listening", ""); // for the tests
  };
  events.onmessage = function (e) {
    if (e.data && e.data !== since) {
      events.close();
      window.location.reload();
    }
  };
})();
