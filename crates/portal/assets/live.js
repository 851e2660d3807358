// Keeps an open page of the results current without a reload. The server sends one event
// per publication at /results/events; when it names a newer head than the page shows, the
// page fetches its own address again and replaces each part marked data-live with the new
// one. Without this script (or with JavaScript off) a reload shows the same figures.
// A page of a past date never changes this way: it has no data-live-events attribute.
(function () {
  "use strict";
  var edition = document.getElementById("edition");
  if (!edition || !edition.hasAttribute("data-live-events") || !window.EventSource) {
    return;
  }
  var shown = Number(edition.getAttribute("data-head-seq"));
  var fetching = false;
  var again = false;

  function replaceParts(next) {
    var parts = document.querySelectorAll("[data-live]");
    for (var i = 0; i < parts.length; i++) {
      var name = parts[i].getAttribute("data-live");
      var fresh = next.querySelector('[data-live="' + name + '"]');
      if (fresh) {
        parts[i].replaceWith(document.importNode(fresh, true));
      }
    }
    var footer = next.getElementById("edition");
    if (footer) {
      edition.replaceWith(document.importNode(footer, true));
      edition = document.getElementById("edition");
    }
    var status = document.getElementById("live-status");
    var said = next.getElementById("live-status");
    if (status && said) {
      // A polite live region: a screen reader hears that the figures changed, once.
      status.textContent = said.getAttribute("data-updated") || "";
    }
  }

  function refresh() {
    if (fetching) {
      again = true;
      return;
    }
    fetching = true;
    fetch(window.location.href, { headers: { Accept: "text/html" }, cache: "no-cache" })
      .then(function (answer) {
        if (!answer.ok) {
          throw new Error(String(answer.status));
        }
        return answer.text();
      })
      .then(function (text) {
        var next = new DOMParser().parseFromString(text, "text/html");
        var footer = next.getElementById("edition");
        var head = footer ? Number(footer.getAttribute("data-head-seq")) : 0;
        if (head > shown) {
          shown = head;
          replaceParts(next);
        }
      })
      .catch(function () {
        // The next event tries again; a reload always works.
      })
      .then(function () {
        fetching = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  var events = new EventSource("/results/events");
  events.addEventListener("publication", function (event) {
    var data;
    try {
      data = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (Number(data.head_seq) > shown) {
      refresh();
    }
  });
})();
