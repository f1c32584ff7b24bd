// What the two offline queues share (lesson-offline.js for lessons and knowledge checks,
// attendance.js for a session's marks): sending one kept item, and reading the answer.
//
// An item ({url, entries, reader}) is kept in localStorage under a key until the server
// has answered it for good. What happens then depends on the answer:
// - {"saved": true}: done, the item is forgotten;
// - a refusal ({"saved": false} or any other 4xx, an HTML 403 included): the item is
//   forgotten, and the page says why (Refused, with the server's words);
// - a redirect (to the sign-in page), a 401, a refused CSRF token ({"csrf": true}: the
//   sign-in ended or changed), or {"another_reader": true} (someone else signed in since
//   the page opened): kept (Kept "signed-out");
// - no answer, a 5xx, a 429, or a 200 that is not this endpoint's answer: kept
//   (Kept "offline"), sent again later.
// An item that cannot be read is refused (dropped). An item is forgotten only if it is still
// the one sent: newer marks queued meanwhile stay.
// Logging out drops what the reader left waiting, so nothing waits for the next person: once
// the logout has gone through (the next page is nobody's, or another person's). A logout
// that never reached the site (offline) loses nothing. Every page loads this script and says
// whose it is (<body data-reader>).
(function () {
  "use strict";
  if (!window.fetch || !window.localStorage) return;
  var script = document.currentScript;
  var cookieName = (script && script.dataset.csrfCookie) || "csrftoken";
  var PREFIXES = ["offline-queue:", "attendance-queue:"];
  var LEAVING = "offline-queue-leaving"; // the tag of the reader who asked to log out
  var pageReader = document.body.dataset.reader || ""; // "none": nobody is signed in

  function Kept(reason) {
    this.reason = reason; // "offline" or "signed-out"
  }
  function Refused(message) {
    this.message = message;
  }

  function isJson(response) {
    return (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
  }

  function outcome(response) {
    // Only the endpoint answers without a redirect: a redirect leads to the sign-in page
    // (which may answer JSON too). A refused CSRF token answers {"csrf": true} (403).
    if (response.redirected || response.status === 401) throw new Kept("signed-out");
    if (response.status >= 500 || response.status === 429) throw new Kept("offline");
    if (!isJson(response)) {
      if (response.ok) throw new Kept("offline"); // not the endpoint's answer: try again later
      throw new Refused("");
    }
    return response.json().then(function (answer) {
      if (response.ok && answer.saved === true) return answer;
      if (answer.another_reader || answer.csrf === true) throw new Kept("signed-out");
      if (!response.ok || answer.saved === false) {
        throw new Refused(typeof answer.error === "string" ? answer.error : "");
      }
      throw new Kept("offline");
    });
  }

  // The CSRF token changes at each sign-in: a page kept from before carries an old one, the
  // cookie the current one.
  function currentToken() {
    var cookie = new RegExp("(?:^|; )" + cookieName + "=([^;]+)").exec(document.cookie);
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return cookie ? decodeURIComponent(cookie[1]) : field && field.value;
  }

  // The request for the item kept as `kept`, with the current token; a Refused when it
  // cannot be read (it can never be sent).
  function requestFor(kept, extra) {
    try {
      var item = JSON.parse(kept);
      var token = currentToken();
      var entries = item.entries.map(function (entry) {
        return entry[0] === "csrfmiddlewaretoken" && token ? [entry[0], token] : entry;
      });
      return {
        // Marks kept before items named their address were made on the page sending them.
        url: item.url || location.href,
        body: new URLSearchParams(entries.concat(extra || [])),
        reader: item.reader,
      };
    } catch (error) {
      throw new Refused("");
    }
  }

  // Sends the item kept under `key`; `extra` entries go with it. Resolves with the
  // server's answer, or rejects with Kept or Refused (anything else counts as offline).
  function send(key, extra) {
    var kept = localStorage.getItem(key);
    function forget() {
      if (localStorage.getItem(key) === kept) localStorage.removeItem(key);
    }
    return Promise.resolve()
      .then(function () {
        var request = requestFor(kept, extra);
        return fetch(request.url, {
          method: "POST",
          body: request.body,
          headers: { Accept: "application/json", "X-Reader": request.reader },
          credentials: "same-origin",
        }).then(outcome);
      })
      .then(
        function (answer) {
          forget();
          return answer;
        },
        function (problem) {
          if (problem instanceof Refused) forget();
          else if (!(problem instanceof Kept)) problem = new Kept("offline");
          throw problem;
        }
      );
  }

  // The keys kept under `prefix`.
  function keys(prefix) {
    return Object.keys(localStorage).filter(function (key) {
      return key.indexOf(prefix) === 0;
    });
  }

  // The item kept under `key` if it is `reader`'s. With someone signed in, anyone else's,
  // or one that cannot be read, is dropped unsent: it can never be sent from this page, nor
  // told about. With nobody signed in ("none"), it waits for its reader.
  function mine(key, reader) {
    if (reader === "none") return null;
    var item = null;
    try {
      item = JSON.parse(localStorage.getItem(key));
    } catch (error) {
      item = null;
    }
    if (item && item.reader === reader && Array.isArray(item.entries)) return item;
    localStorage.removeItem(key);
    return null;
  }

  // Everything `reader` left waiting, in either queue.
  function dropReader(reader) {
    PREFIXES.forEach(function (prefix) {
      keys(prefix).forEach(function (key) {
        var item = null;
        try {
          item = JSON.parse(localStorage.getItem(key));
        } catch (error) {
          item = null;
        }
        if (item && item.reader === reader) localStorage.removeItem(key);
      });
    });
  }

  document.addEventListener("submit", function (event) {
    var path = new URL(event.target.getAttribute("action") || "", location.href).pathname;
    if (!/\/accounts\/logout\/$/.test(path) || !pageReader || pageReader === "none") return;
    localStorage.setItem(LEAVING, pageReader);
  });

  // A logout asked on an earlier page: this page being someone else's (nobody's) says it went
  // through, so what that reader left waiting goes; still theirs, it never reached the site.
  var leaving = localStorage.getItem(LEAVING);
  if (leaving && pageReader) {
    localStorage.removeItem(LEAVING);
    if (leaving !== pageReader) dropReader(leaving);
  }

  window.offlineQueue = { Kept: Kept, Refused: Refused, send: send, keys: keys, mine: mine };
})();
