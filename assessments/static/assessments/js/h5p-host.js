/*
 * On the lesson page: listens to the sandboxed H5P players on it and sends
 * what they report to the server with this page's session and CSRF token.
 * A message counts only if it comes from one of the page's player frames
 * (event.source) and from a sandboxed document (origin "null").
 */
(function () {
  "use strict";

  // Every H5P block on a page brings this script; one listener is enough.
  if (window.h5pHostListening) {
    return;
  }
  window.h5pHostListening = true;

  function playerFor(source) {
    var frames = document.querySelectorAll("iframe[data-h5p-session]");
    for (var i = 0; i < frames.length; i += 1) {
      if (frames[i].contentWindow === source) {
        return frames[i];
      }
    }
    return null;
  }

  function post(frame, url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": frame.dataset.csrf },
      body: JSON.stringify(body)
    });
  }

  // Statements are sent one after another, in the order the activity made them: H5P
  // reports "answered" and "completed" for one click, and the server joins the second to
  // the attempt the first made.
  var queue = Promise.resolve();

  function say(frame, text) {
    var status = document.getElementById(frame.dataset.status);
    if (status && text) {
      status.textContent = text;
    }
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== "null") {
      return;
    }
    var frame = playerFor(event.source);
    var data = event.data;
    if (!frame || !data || typeof data.type !== "string") {
      return;
    }
    if (data.type === "h5p:resize") {
      var height = Number(data.height);
      if (height > 50 && height < 10000) {
        frame.style.height = Math.ceil(height) + "px";
      }
    } else if (data.type === "h5p:xapi" && data.statement) {
      queue = queue.then(function () {
        return post(frame, frame.dataset.statementsUrl, {
          session: frame.dataset.h5pSession,
          statement: data.statement
        }).then(function (response) {
          return response.json();
        }).then(function (result) {
          if (result.accepted && result.attempt) {
            say(frame, frame.dataset.savedText);
          }
        }).catch(function () {
          say(frame, frame.dataset.failedText);
        });
      });
    }
  });
})();
