// Skill picker, improved with JavaScript (views/experts/editor/skills.ejs). Without it the search form is a plain
// GET that returns the whole page; with it, suggestions come as the user types: the same URL answers a request
// marked HX-Request with the list alone, which replaces the list under the search box.
(function () {
  'use strict';
  var form = document.querySelector('form[data-skill-search]');
  var target = document.getElementById('skill-suggestions');
  var status = document.getElementById('skill-status');
  if (!form || !target || !window.fetch) return;
  var input = form.querySelector('input[name="q"]');
  var timer = 0;
  var controller = null;

  function load() {
    var q = input.value.trim();
    if (controller) controller.abort();
    controller = typeof AbortController === 'function' ? new AbortController() : null;
    var url = form.getAttribute('action') + '?q=' + encodeURIComponent(q);
    fetch(url, { headers: { 'HX-Request': 'true' }, credentials: 'same-origin', signal: controller ? controller.signal : undefined })
      .then(function (res) { return res.ok ? res.text() : Promise.reject(new Error(String(res.status))); })
      .then(function (html) {
        // Our own server's page fragment, escaped by EJS like every page.
        target.innerHTML = html;
        var list = target.firstElementChild;
        if (status && list) status.textContent = list.getAttribute('data-status') || '';
      })
      .catch(function () { /* aborted by a newer search, or offline: the plain form still works */ });
  }

  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(load, 250);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    load();
  });
})();
