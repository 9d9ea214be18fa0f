// AgriLink's only script, and every page works without it. It does two things for people on
// slow phone networks: a form's button can be pressed once (the server's Idempotency-Key makes a
// second press harmless anyway), and what someone typed into a form marked data-draft is kept
// in the tab (sessionStorage) until the form is sent, so a lost connection or an expired sign-in
// loses nothing.
(function () {
  'use strict';
  function draftKey(form) { return 'draft:' + location.pathname + ':' + (form.getAttribute('action') || ''); }
  document.querySelectorAll('form').forEach(function (form) {
    form.addEventListener('submit', function () {
      if (form.dataset.sent === 'yes') { return; }
      setTimeout(function () {
        form.dataset.sent = 'yes';
        form.querySelectorAll('button[type=submit], button:not([type])').forEach(function (b) {
          b.disabled = true; b.setAttribute('aria-busy', 'true');
        });
      }, 0);
    });
    if (!form.hasAttribute('data-draft')) { return; }
    var key = draftKey(form);
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(key) || 'null'); } catch (e) { saved = null; }
    if (saved) {
      Object.keys(saved).forEach(function (name) {
        var field = form.elements.namedItem(name);
        if (field && !field.value && field.type !== 'hidden') { field.value = saved[name]; }
      });
    }
    form.addEventListener('input', function () {
      var values = {};
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name && field.type !== 'hidden' && field.type !== 'password') { values[field.name] = field.value; }
      });
      try { sessionStorage.setItem(key, JSON.stringify(values)); } catch (e) { /* storage full or off */ }
    });
    form.addEventListener('submit', function () { sessionStorage.removeItem(key); });
  });
  document.addEventListener('submit', function (event) {
    if (event.target.dataset.sent === 'yes') { event.preventDefault(); }
  }, true);
})();
