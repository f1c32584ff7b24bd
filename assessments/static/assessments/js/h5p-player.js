/*
 * Runs inside the sandboxed player frame (an opaque origin: it cannot read the
 * site's cookies or pages). It starts h5p-standalone and hands what the
 * activity reports to the lesson page through postMessage: xAPI statements,
 * the saved state, and its height. The lesson page decides what to send on.
 */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("h5p-config").textContent);
  var container = document.getElementById("h5p-container");
  var lastState = null;

  function send(message) {
    window.parent.postMessage(message, config.parentOrigin);
  }

  function reportHeight() {
    send({ type: "h5p:resize", height: document.documentElement.scrollHeight });
  }

  function currentState() {
    var instance = window.H5P && window.H5P.instances && window.H5P.instances[0];
    if (!instance || typeof instance.getCurrentState !== "function") {
      return null;
    }
    var state = instance.getCurrentState();
    return state === undefined || state === null ? null : JSON.stringify(state);
  }

  function saveState() {
    var state = currentState();
    if (state !== null && state !== lastState) {
      lastState = state;
      send({ type: "h5p:state", state: state });
    }
  }

  new window.H5PStandalone.H5P(container, config.options).then(function () {
    window.H5P.externalDispatcher.on("xAPI", function (event) {
      send({ type: "h5p:xapi", statement: event.data.statement });
      saveState();
    });
    reportHeight();
    if (window.ResizeObserver) {
      new ResizeObserver(reportHeight).observe(document.body);
    }
    window.setInterval(saveState, 10000);
    send({ type: "h5p:ready" });
  });
})();
