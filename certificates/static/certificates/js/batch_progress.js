// The progress bar of a cohort's certificate run: asks the server how far the run got
// every few seconds and updates the bar, the numbers and, when done, the zip's link.
// Without this script the page shows the same numbers each time it is reloaded.
(function () {
  "use strict";

  var box = document.querySelector(".batch-progress[data-progress-url]");
  if (!box || !window.fetch) {
    return;
  }
  var bar = box.querySelector("progress");
  var text = box.querySelector("[data-progress-text]");
  var running = box.querySelector("[data-progress-running]");
  var reloadHint = box.querySelector("[data-progress-reload-hint]");
  var finished = box.querySelector("[data-progress-finished]");
  var failed = box.querySelector("[data-progress-failed]");
  var archive = box.querySelector("[data-progress-archive]");
  var seconds = parseInt(box.getAttribute("data-poll-seconds"), 10) || 2;
  var misses = 0;

  if (reloadHint) {
    reloadHint.hidden = true; // the bar updates by itself
  }

  function show(progress) {
    bar.max = Math.max(progress.total, 1);
    bar.value = progress.done;
    bar.textContent = progress.percent + " %";
    text.textContent = text
      .getAttribute("data-template")
      .replace("{done}", progress.done)
      .replace("{total}", progress.total)
      .replace("{percent}", progress.percent);
    failed.hidden = !progress.failed;
    if (progress.finished) {
      running.hidden = true;
      finished.hidden = false;
      if (progress.archive_url) {
        archive.querySelector("a").href = progress.archive_url;
        archive.hidden = false;
      }
    }
  }

  function poll() {
    fetch(box.getAttribute("data-progress-url"), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (progress) {
        misses = 0;
        show(progress);
        if (!progress.finished) {
          window.setTimeout(poll, seconds * 1000);
        }
      })
      .catch(function () {
        // A dropped connection: try a few more times, more slowly, then leave it to a reload.
        misses += 1;
        if (misses < 5) {
          window.setTimeout(poll, seconds * 1000 * (misses + 1));
        } else if (reloadHint) {
          reloadHint.hidden = false;
        }
      });
  }

  window.setTimeout(poll, seconds * 1000);
})();
