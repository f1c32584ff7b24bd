// Attendance on a phone with poor signal. Marks are first kept in this
// browser, then sent; if sending fails they stay and are sent again when the
// connection returns. The server ignores marks older than the ones it has, so
// sending twice never counts twice. Without JavaScript the form posts as usual.
//
// What happens to kept marks depends on the answer:
// - no answer, a server error (5xx) or "too many requests" (429): kept, sent again later;
// - a redirect (to the sign-in page) or an HTML 403 (the sign-in ended, or the CSRF
//   token is stale): kept, and the trainer is asked to reload and sign in again;
// - a refusal ({"saved": false} or any other 4xx): dropped, and the trainer reads why.
//
// A shared phone: kept marks carry the tag of the trainer whose page they were made on
// (data-reader, never the id) and are sent only from that trainer's page, with the tag
// (the server refuses another's: 409, nothing saved); another trainer's page drops them
// unseen. Signed in as someone else since the page opened: kept until it is reloaded.
(function () {
  "use strict";
  var form = document.querySelector("form[data-offline-queue]");
  if (!form || !window.fetch || !window.localStorage) return;
  var reader = form.dataset.reader;
  if (!reader) return;
  var key = "attendance-queue:" + form.dataset.offlineQueue;
  var status = form.querySelector(".offline-status");
  var alertBox = form.querySelector(".attendance-alert");

  // Why a send did not save. Anything else that goes wrong counts as "offline".
  function Kept(reason) {
    this.reason = reason;
  }
  function Refused(message) {
    this.message = message;
  }

  // This reader's kept marks ({reader, entries}); anyone else's are dropped unsent.
  function queued() {
    var saved = window.localStorage.getItem(key);
    var item = null;
    try {
      item = saved ? JSON.parse(saved) : null;
    } catch (error) {
      item = null;
    }
    if (item && item.reader === reader && Array.isArray(item.entries)) return item;
    if (saved) window.localStorage.removeItem(key);
    return null;
  }

  // Forget the marks just sent, unless newer ones were queued meanwhile.
  function forget(sent) {
    if (window.localStorage.getItem(key) === sent) window.localStorage.removeItem(key);
  }

  // Marks kept from an earlier page carry that page's CSRF token, which is stale
  // once the trainer has signed in again; this page's token is the valid one.
  function withCurrentToken(entries) {
    var token = form.elements.csrfmiddlewaretoken;
    return entries.map(function (entry) {
      return entry[0] === "csrfmiddlewaretoken" && token ? [entry[0], token.value] : entry;
    });
  }

  function isJson(response) {
    return (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
  }

  function outcome(response) {
    // Only this page answers without a redirect: a redirect leads to the sign-in page
    // (which may answer JSON too), and Django's CSRF refusal is an HTML 403.
    if (
      response.redirected ||
      response.status === 401 ||
      (response.status === 403 && !isJson(response))
    ) {
      throw new Kept("signed-out");
    }
    if (response.status >= 500 || response.status === 429) throw new Kept("offline");
    if (!isJson(response)) {
      if (response.ok) throw new Kept("offline"); // not this page's answer: try again later
      throw new Refused("");
    }
    return response.json().then(function (answer) {
      if (response.ok && answer.saved === true) return answer;
      if (answer.another_reader) throw new Kept("signed-out"); // someone else signed in since
      if (!response.ok || answer.saved === false) {
        throw new Refused(typeof answer.error === "string" ? answer.error : "");
      }
      throw new Kept("offline");
    });
  }

  function tell(text) {
    if (!alertBox) return;
    alertBox.textContent = text;
    alertBox.classList.toggle("message", Boolean(text));
    alertBox.classList.toggle("message--error", Boolean(text));
  }

  function show(problem) {
    if (status) status.hidden = !(problem instanceof Kept && problem.reason === "offline");
    if (problem instanceof Refused) {
      var refused = alertBox ? alertBox.dataset.refused : "";
      tell(problem.message ? refused + " " + problem.message : refused);
    } else if (problem.reason === "signed-out") {
      tell(alertBox ? alertBox.dataset.signedOut : "");
    } else {
      tell("");
    }
  }

  function send(item) {
    var sent = JSON.stringify(item);
    return window
      .fetch(window.location.href, {
        method: "POST",
        body: new URLSearchParams(withCurrentToken(item.entries)),
        headers: { Accept: "application/json", "X-Reader": item.reader },
        credentials: "same-origin",
      })
      .then(outcome)
      .then(
        function (answer) {
          forget(sent);
          if (status) status.hidden = true;
          tell("");
          form.dataset.saved = "true";
          return answer;
        },
        function (problem) {
          if (!(problem instanceof Kept) && !(problem instanceof Refused)) {
            problem = new Kept("offline"); // no connection, or an answer that cannot be read
          }
          if (problem instanceof Refused) forget(sent);
          show(problem);
          throw problem;
        }
      );
  }

  function flush() {
    var item = queued();
    if (item) send(item).catch(function () {});
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    form.elements.marked_at.value = new Date().toISOString();
    var item = { reader: reader, entries: Array.from(new FormData(form).entries()) };
    window.localStorage.setItem(key, JSON.stringify(item));
    send(item).then(
      function () {
        window.location.href = form.dataset.doneUrl || window.location.href;
      },
      function () {}
    );
  });

  window.addEventListener("online", flush);
  window.setInterval(flush, 30000);
  flush();
})();
