// Lessons on a phone whose connection comes and goes (lesson and module pages).
// - Registers the service worker that keeps the lesson pages opened (/sw.js).
// - "Mark as complete" and a knowledge check's answers are kept in this browser, then sent
//   (offline-queue.js, loaded before this, says how answers are read); with no connection
//   they wait, and go when it returns ("online", the next page load, every 30 s). Each
//   waits under the key the server counts once: the lesson (one completion per person) or
//   the attempt's token (one result), so a resend never counts twice. Without JavaScript
//   the forms post as usual.
// - A shared device: each item carries the tag of the reader whose page it was done on
//   (data-reader, never the id). Only that reader's items are sent, with that tag (the
//   server refuses another's: 409); another signed-in reader's page drops them unseen, and
//   logging out drops them too.
// - Offline, a link to a page this device has not kept says so rather than failing.
// The words come from the page, in the reader's language ([data-offline-notice]).
(function () {
  "use strict";
  var notice = document.querySelector("[data-offline-notice]");
  var queue = window.offlineQueue;
  if (!notice || !queue) return;
  var words = notice.dataset;
  var reader = words.reader; // "none": nobody is signed in
  var QUEUE = "offline-queue:";
  var QUEUED = [["queued", "1"]]; // sent from the queue, not by the button just pressed
  var FORMS = "form[data-offline-form], .block-knowledge-check form.assessment-form";
  var worker = navigator.serviceWorker;

  if (worker && words.worker) {
    worker
      .register(words.worker)
      .then(function () {
        // The first lesson page came before the worker: it asks to be kept now, with the
        // stylesheet, icons and scripts it uses.
        if (!worker.controller && document.querySelector("[data-offline-copy]")) {
          var used = document.querySelectorAll("link[rel=stylesheet], script[src], use[href]");
          var files = [].map.call(used, function (element) {
            return (element.getAttribute("href") || element.getAttribute("src")).split("#")[0];
          });
          return worker.ready.then(function (ready) {
            ready.active.postMessage({ keep: location.href, files: files });
          });
        }
      })
      .catch(function () {});
  }

  function tell(text) {
    notice.textContent = text;
    notice.hidden = !text;
    notice.className = text ? "message message--info" : "";
  }

  function keyFor(form) {
    var attempt = form.elements.attempt;
    return QUEUE + (attempt ? "answers:" + attempt.value : "complete:" + form.action);
  }

  function formFor(key) {
    return [].filter.call(document.querySelectorAll(FORMS), function (form) {
      return keyFor(form) === key;
    })[0];
  }

  // The line under a form that says where what it sent is.
  function status(form, text, done) {
    var line = form.nextElementSibling;
    if (!line || !line.hasAttribute("data-offline-status")) {
      line = document.createElement("p");
      line.setAttribute("data-offline-status", "");
      line.setAttribute("role", "status");
      form.parentNode.insertBefore(line, form.nextSibling);
    }
    line.className = done ? "status status--done" : "offline-status";
    line.textContent = text;
    line.hidden = !text;
    return line;
  }

  function waiting(form, problem) {
    if (form) status(form, problem.reason === "signed-out" ? words.signedOut : words.queued);
  }

  // The server's answer to what waited, shown where it was done.
  function answered(key, answer) {
    var form = formFor(key);
    if (!form) return tell(answer.message);
    form.hidden = true;
    var line = status(form, answer.message + " ", true);
    if (form.elements.attempt && answer.next) {
      var link = line.appendChild(document.createElement("a"));
      link.href = answer.next;
      link.textContent = words.result;
    }
  }

  var flushing = false;
  function flush() {
    var keys = queue.keys(QUEUE).filter(function (key) {
      return queue.mine(key, reader);
    });
    if (flushing || !keys.length) return;
    flushing = true;
    keys
      .reduce(function (chain, key) {
        return chain.then(function () {
          if (!localStorage.getItem(key)) return;
          return queue.send(key, QUEUED).then(answered.bind(null, key), function (problem) {
            var form = formFor(key);
            if (!(problem instanceof queue.Refused)) {
              waiting(form, problem);
              throw problem; // no connection: the rest waits too
            }
            tell(words.refused + " " + problem.message);
            if (form) status(form, "");
          });
        });
      }, Promise.resolve())
      .catch(function () {})
      .then(function () {
        flushing = false;
      });
  }

  [].forEach.call(document.querySelectorAll(FORMS), function (form) {
    form.addEventListener("submit", function (event) {
      // Nobody signed in (a copy kept from a session that has ended): nothing is kept for
      // nobody; the form posts as usual, to the sign-in.
      if (reader === "none") return;
      event.preventDefault();
      var key = keyFor(form);
      var entries = Array.from(new FormData(form).entries());
      var item = { url: form.action, entries: entries, reader: reader };
      localStorage.setItem(key, JSON.stringify(item));
      queue.send(key).then(
        function (answer) {
          location.href = answer.next || location.href;
        },
        function (problem) {
          // Refused (an answer missing, the test opened again): the server's page says why.
          if (problem instanceof queue.Refused) form.submit();
          else waiting(form, problem);
        }
      );
    });
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    // Offline: the browser says so, or this page is the copy kept (the network failed).
    var offline = !navigator.onLine || document.querySelector("[data-offline-copy]:not([hidden])");
    if (!offline || !link || link.origin !== location.origin || event.defaultPrevented) return;
    // A place on this very page (not the same page asked with other parameters) is here.
    if (link.pathname === location.pathname && link.search === location.search && link.hash) return;
    event.preventDefault();
    var missing = tell.bind(null, words.notSaved);
    if (!window.caches) return missing();
    caches.match(link.href).then(function (copy) {
      if (copy) location.href = link.href;
      else missing();
    }, missing);
  });

  window.addEventListener("online", flush);
  window.setInterval(flush, 30000);
  flush();
})();
