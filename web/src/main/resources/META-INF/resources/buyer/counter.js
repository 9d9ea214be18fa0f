// The live campaign counter: every 3 s the page fetches its numbers again (GET /campaigns/{id}/counter,
// an HTML fragment the server rendered and escaped) and puts them in place, without reloading. The
// first render already has the numbers, so the page makes sense without this script. A failed fetch
// keeps the last numbers and tries again later; a hidden tab stops asking until it is shown.
(function () {
  'use strict';
  var box = document.querySelector('[data-live]');
  if (!box || !window.fetch) { return; }
  var url = box.getAttribute('data-live');
  var every = 3000;
  function poll() {
    if (document.hidden) { setTimeout(poll, every); return; }
    fetch(url, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html !== null) {
          var fresh = new DOMParser().parseFromString(html, 'text/html').body;
          box.replaceChildren.apply(box, Array.prototype.slice.call(fresh.childNodes));
        }
      })
      .catch(function () { /* offline for a moment: keep the last numbers */ })
      .then(function () { setTimeout(poll, every); });
  }
  setTimeout(poll, every);
})();
