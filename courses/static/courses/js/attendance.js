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
    return window
      .fetch(window.location.href, {
        method: "POST",
        body: new URLSearchParams(entries),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
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
