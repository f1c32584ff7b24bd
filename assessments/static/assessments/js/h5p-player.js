/*
 * Runs inside the sandboxed player frame (an opaque origin: it cannot read the
 * site's cookies or pages). It starts h5p-standalone and hands what the
 * activity reports to the lesson page through postMessage: xAPI statements and
 * its height. The lesson page decides what to send on. (Where the person is in
 * the activity, H5P core saves itself, with the signed session in its address.)
 */
(function () {
  "use strict";

  // A sandboxed document has no storage of its own and reading it throws; H5P core
  // reads localStorage (for its offline queue), so it gets an empty one in memory.
  function memoryStorage() {
    var items = {};
    return {
      getItem: function (key) { return Object.prototype.hasOwnProperty.call(items, key) ? items[key] : null; },
      setItem: function (key, value) { items[key] = String(value); },
      removeItem: function (key) { delete items[key]; },
      clear: function () { items = {}; },
      key: function (index) { return Object.keys(items)[index] || null; },
      get length() { return Object.keys(items).length; }
    };
  }
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      void window[name];
    } catch (error) {
      Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
    }
  });

  var config = JSON.parse(document.getElementById("h5p-config").textContent);
  var container = document.getElementById("h5p-container");

  function send(message) {
    window.parent.postMessage(message, config.parentOrigin);
  }

  function reportHeight() {
    send({ type: "h5p:resize", height: document.documentElement.scrollHeight });
  }

  new window.H5PStandalone.H5P(container, config.options).then(function () {
    window.H5P.externalDispatcher.on("xAPI", function (event) {
      send({ type: "h5p:xapi", statement: event.data.statement });
    });
    reportHeight();
    if (window.ResizeObserver) {
      new ResizeObserver(reportHeight).observe(document.body);
    }
    send({ type: "h5p:ready" });
  });
})();
