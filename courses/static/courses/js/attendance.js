// Attendance on a phone with poor signal. Marks are first kept in this browser, then sent
// (offline-queue.js, loaded before this, says how answers are read); if sending fails they
// stay and are sent again when the connection returns. The server ignores marks older than
// the ones it has, so sending twice never counts twice. Without JavaScript the form posts
// as usual.
//
// What the trainer reads: offline, that the marks are kept; the sign-in ended (or someone
// else signed in since the page opened), to reload and sign in again; a refusal, why.
//
// A shared phone: kept marks carry the tag of the trainer whose page they were made on
// (data-reader, never the id) and are sent only from that trainer's page, with the tag
// (the server refuses another's: 409, nothing saved); another trainer's page drops them
// unseen.
(function () {
  "use strict";
  var form = document.querySelector("form[data-offline-queue]");
  var queue = window.offlineQueue;
  if (!form || !queue) return;
  var reader = form.dataset.reader;
  if (!reader) return;
  var key = "attendance-queue:" + form.dataset.offlineQueue;
  var QUEUED = [["queued", "1"]]; // sent from the queue, not by the button just pressed
  var status = form.querySelector(".offline-status");
  var saved = form.querySelector(".attendance-saved");
  var alertBox = form.querySelector(".attendance-alert");

  function tell(text) {
    if (!alertBox) return;
    alertBox.textContent = text;
    alertBox.classList.toggle("message", Boolean(text));
    alertBox.classList.toggle("message--error", Boolean(text));
  }

  function show(problem) {
    var refused = problem instanceof queue.Refused;
    if (status) status.hidden = refused || problem.reason !== "offline";
    if (refused) {
      var words = alertBox ? alertBox.dataset.refused : "";
      tell(problem.message ? words + " " + problem.message : words);
    } else if (problem.reason === "signed-out") {
      tell(alertBox ? alertBox.dataset.signedOut : "");
    } else {
      tell("");
    }
  }

  function send(extra) {
    if (saved) saved.hidden = true;
    return queue.send(key, extra).then(
      function (answer) {
        if (status) status.hidden = true;
        tell("");
        form.dataset.saved = "true";
        return answer;
      },
      function (problem) {
        show(problem);
        throw problem;
      }
    );
  }

  // Marks kept before they carried a tag (a plain list of the form's entries) were made on
  // this session's attendance page, which only its trainers open: they are sent from this
  // page. On a phone two trainers of the cohort shared, they are recorded as marked by the
  // one who opens it first; the server keeps the newest marks, so nothing counts twice.
  function adoptUntagged() {
    var kept = null;
    try {
      kept = JSON.parse(window.localStorage.getItem(key));
    } catch (error) {
      return;
    }
    if (!Array.isArray(kept)) return;
    var item = { url: window.location.href, entries: kept, reader: reader };
    window.localStorage.setItem(key, JSON.stringify(item));
  }

  // Sent from the queue, the answer is shown here: the trainer is still on this page.
  // One sending at a time: "online", the page's load and the 30-second retry may overlap.
  var flushing = false;
  function flush() {
    adoptUntagged();
    if (flushing || !queue.mine(key, reader)) return;
    flushing = true;
    send(QUEUED)
      .then(function (answer) {
        if (!saved || !answer.message) return;
        saved.textContent = answer.message;
        saved.hidden = false;
      }, function () {})
      .then(function () {
        flushing = false;
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    form.elements.marked_at.value = new Date().toISOString();
    var entries = Array.from(new FormData(form).entries());
    var item = { url: window.location.href, entries: entries, reader: reader };
    window.localStorage.setItem(key, JSON.stringify(item));
    send().then(
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
