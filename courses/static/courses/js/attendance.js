// Attendance on a phone with poor signal. Marks are first kept in this
// browser, then sent; if sending fails they stay and are sent again when the
// connection returns. The server ignores marks older than the ones it has, so
// sending twice never counts twice. Without JavaScript the form posts as usual.
(function () {
  "use strict";
  var form = document.querySelector("form[data-offline-queue]");
  if (!form || !window.fetch || !window.localStorage) return;
  var key = "attendance-queue:" + form.dataset.offlineQueue;
  var status = form.querySelector(".offline-status");

  function queued() {
    var saved = window.localStorage.getItem(key);
    return saved ? JSON.parse(saved) : null;
  }

  function send(entries) {
    var body = new URLSearchParams(entries);
    // Marks kept across a new sign-in (the session ended while offline) carry
    // the old CSRF token: send the page's current one.
    var token = form.elements.csrfmiddlewaretoken;
    if (token) body.set("csrfmiddlewaretoken", token.value);
    return window
      .fetch(window.location.href, {
        method: "POST",
        body: body,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
      .then(function (response) {
        // A session that ended answers with the sign-in page: not saved, keep the marks.
        if (!response.ok || response.redirected) throw new Error("HTTP " + response.status);
        window.localStorage.removeItem(key);
        if (status) status.hidden = true;
        form.dataset.saved = "true";
        return response;
      });
  }

  function flush() {
    var entries = queued();
    if (entries) send(entries).catch(function () {});
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    form.elements.marked_at.value = new Date().toISOString();
    var entries = Array.from(new FormData(form).entries());
    window.localStorage.setItem(key, JSON.stringify(entries));
    send(entries)
      .then(function () {
        window.location.href = form.dataset.doneUrl || window.location.href;
      })
      .catch(function () {
        if (status) status.hidden = false;
      });
  });

  window.addEventListener("online", flush);
  window.setInterval(flush, 30000);
  flush();
})();
