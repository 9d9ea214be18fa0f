// Live numbers without a reload: an element with data-live-src="/path" gets its content replaced,
// every data-live-every milliseconds (3000 by default), by the HTML fragment the server renders
// (and escapes) at that path: the buyers' campaign counter, a payment's state (every 2 s), the
// staff's live dashboard. The first render already has the numbers, so a page makes sense without
// this script. A failed or redirected fetch (a service down, a session over) keeps what is shown
// and tries again at the next tick; a hidden tab stops asking until it is shown again.
(function () {
  'use strict';
  if (!window.fetch || !window.DOMParser) { return; }
  document.querySelectorAll('[data-live-src]').forEach(function (box) {
    var src = box.getAttribute('data-live-src');
    var every = parseInt(box.getAttribute('data-live-every'), 10) || 3000;
    var busy = false;
    function refresh() {
      if (busy || document.hidden) { return; }
      busy = true;
      fetch(src, { credentials: 'same-origin', cache: 'no-store', redirect: 'error', headers: { 'Accept': 'text/html' } })
        .then(function (response) {
          if (!response.ok) { throw new Error('status ' + response.status); }
          return response.text();
        })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html').body;
          box.replaceChildren.apply(box, Array.prototype.slice.call(fresh.childNodes));
        })
        .catch(function () { /* keep the numbers shown; the next tick tries again */ })
        .then(function () { busy = false; });
    }
    setInterval(refresh, every);
    document.addEventListener('visibilitychange', refresh);
  });
})();
