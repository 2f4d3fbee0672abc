// Live regions: an element with data-events (a server-sent events URL) and data-fragment (the
// URL of its fresh content) reloads that content, through htmx, whenever the server says so.
(function () {
  "use strict";
  document.querySelectorAll("[data-events][data-fragment]").forEach(function (region) {
    if (!window.EventSource || !window.htmx) {
      return;
    }
    var source = new EventSource(region.dataset.events);
    source.addEventListener("update", function () {
      window.htmx.ajax("GET", region.dataset.fragment, { target: region, swap: "innerHTML" });
    });
  });
})();
