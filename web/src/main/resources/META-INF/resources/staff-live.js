// The staff live dashboard: every few seconds, the numbers and charts the server renders
// (/staff/campaigns/{id}/live/numbers, a small HTML fragment) replace the ones on the page, so the
// counter moves without a reload. The first render already has the numbers; without JavaScript the
// page is simply not refreshed. A failed or redirected fetch (service down, session over) keeps
// what is shown and tries again at the next tick.
(function () {
  'use strict';
  var live = document.getElementById('live');
  if (!live || !window.fetch || !window.DOMParser) { return; }
  var src = live.getAttribute('data-live-src');
  var every = parseInt(live.getAttribute('data-live-every'), 10) || 3000;
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
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('.live-numbers');
        var shown = live.querySelector('.live-numbers');
        if (fresh && shown) { shown.replaceWith(document.adoptNode(fresh)); }
      })
      .catch(function () { /* keep the numbers shown; the next tick tries again */ })
      .then(function () { busy = false; });
  }
  setInterval(refresh, every);
  document.addEventListener('visibilitychange', refresh);
})();
