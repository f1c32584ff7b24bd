// Lessons on a phone whose connection comes and goes (lesson and module pages).
// - Registers the service worker that keeps the lesson pages opened (/sw.js).
// - "Mark as complete" and a knowledge check's answers are kept in this browser, then sent;
//   with no connection they wait, and go when it returns ("online", the next page load,
//   every 30 s). Each waits under the key the server counts once: the lesson (one
//   completion per person) or the attempt's token (one result), so a resend never counts
//   twice. Without JavaScript the forms post as usual.
// - A shared device: each item carries the tag of the reader whose page it was done on
//   (data-reader, never the id). Only that reader's items are sent, with that tag (the
//   server refuses another's: 409); another signed-in reader's page drops them unseen, and
//   logging out drops them too.
// - Offline, a link to a page this device has not kept says so rather than failing.
// The words come from the page, in the reader's language ([data-offline-notice]).
(function () {
  "use strict";
  var notice = document.querySelector("[data-offline-notice]");
  if (!notice || !window.fetch || !window.localStorage) return;
  var words = notice.dataset;
  var reader = words.reader; // "none": nobody is signed in
  var QUEUE = "offline-queue:";
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

  function Kept(signedOut) {
    this.signedOut = signedOut;
  }
  function Refused(message) {
    this.message = message;
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
    if (form) status(form, problem.signedOut ? words.signedOut : words.queued);
  }

  // As attendance.js: a redirect or an HTML 403 is a sign-in that ended (kept); no answer,
  // 5xx or 429 is "offline" (kept); any other refusal drops what was sent, saying why.
  function outcome(response) {
    var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
    if (response.redirected || response.status === 401 || (response.status === 403 && !json)) {
      throw new Kept(true);
    }
    if (response.status >= 500 || response.status === 429 || (response.ok && !json)) {
      throw new Kept(false);
    }
    if (!json) throw new Refused("");
    return response.json().then(function (answer) {
      if (response.ok && answer.saved === true) return answer;
      if (answer.another_reader) throw new Kept(true); // someone else signed in since
      throw new Refused(answer.error || "");
    });
  }

  function send(key, queued) {
    var kept = localStorage.getItem(key);
    var item = JSON.parse(kept);
    // The token changes at each sign-in: a page kept from before carries an old one, the
    // cookie the current one.
    var cookie = /(?:^|; )csrftoken=([^;]+)/.exec(document.cookie);
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    var token = cookie ? cookie[1] : field && field.value;
    var entries = item.entries.map(function (entry) {
      return entry[0] === "csrfmiddlewaretoken" && token ? [entry[0], token] : entry;
    });
    function forget() {
      if (localStorage.getItem(key) === kept) localStorage.removeItem(key);
    }
    return fetch(item.url, {
      method: "POST",
      body: new URLSearchParams(entries.concat(queued ? [["queued", "1"]] : [])),
      headers: { Accept: "application/json", "X-Reader": item.reader },
      credentials: "same-origin",
    })
      .then(outcome)
      .then(
        function (answer) {
          forget();
          return answer;
        },
        function (problem) {
          if (problem instanceof Refused) forget();
          else if (!(problem instanceof Kept)) problem = new Kept(false);
          throw problem;
        }
      );
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

  function keysQueued() {
    return Object.keys(localStorage).filter(function (key) {
      return key.indexOf(QUEUE) === 0;
    });
  }

  var flushing = false;
  function flush() {
    var keys = keysQueued().filter(function (key) {
      var mine = (JSON.parse(localStorage.getItem(key)) || {}).reader === reader;
      // Another reader's can never be sent now (nor told about); nobody's page keeps them.
      if (!mine && reader !== "none") localStorage.removeItem(key);
      return mine && reader !== "none";
    });
    if (flushing || !keys.length) return;
    flushing = true;
    keys
      .reduce(function (chain, key) {
        return chain.then(function () {
          if (!localStorage.getItem(key)) return;
          return send(key, true).then(answered.bind(null, key), function (problem) {
            var form = formFor(key);
            if (!(problem instanceof Refused)) {
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
      event.preventDefault();
      var key = keyFor(form);
      var entries = Array.from(new FormData(form).entries());
      var item = { url: form.action, entries: entries, reader: reader };
      localStorage.setItem(key, JSON.stringify(item));
      send(key, false).then(
        function (answer) {
          location.href = answer.next || location.href;
        },
        function (problem) {
          // Refused (an answer missing, the test opened again): the server's page says why.
          if (problem instanceof Refused) form.submit();
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
    if (link.pathname === location.pathname && link.hash) return;
    event.preventDefault();
    var missing = tell.bind(null, words.notSaved);
    if (!window.caches) return missing();
    caches.match(link.href).then(function (copy) {
      if (copy) location.href = link.href;
      else missing();
    }, missing);
  });

  // Logging out: nothing this reader left waiting stays for the next person to send.
  [].forEach.call(document.querySelectorAll("form[action$='/accounts/logout/']"), function (form) {
    form.addEventListener("submit", function () {
      keysQueued().forEach(localStorage.removeItem, localStorage);
    });
  });

  window.addEventListener("online", flush);
  window.setInterval(flush, 30000);
  flush();
})();
