// Sorting and filtering a list page without a reload. The pages work without it: every sort
// header is a link and every filter a GET form, so this script only fetches the same URL, swaps
// the page's main content, keeps the address bar (a view stays bookmarkable), and says what
// changed in a live region for screen readers. Any failure falls back to a normal navigation.
// It also lends sync.js (loaded after it) the two helpers both need: window.gepPage.
(function () {
  "use strict";
  var main = document.getElementById("main");
  var announcer = document.getElementById("announce");
  if (!main || !announcer || !window.fetch || !window.DOMParser || !window.history) return;

  function announce(text) {
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  // Puts the #main of a fetched page in place of this one's.
  function swapMain(html) {
    var next = new DOMParser().parseFromString(html, "text/html").getElementById("main");
    if (!next) throw new Error("no main");
    main.innerHTML = next.innerHTML;
  }

  window.gepPage = { announce: announce, swapMain: swapMain };

  function summary() {
    var sorted = main.querySelector("th[aria-sort]");
    var count = main.querySelector(".count");
    var parts = [];
    if (sorted) {
      var label = sorted.querySelector("a") ? sorted.querySelector("a").firstChild.textContent : "";
      parts.push("Sorted by " + label.trim() + ", " + sorted.getAttribute("aria-sort"));
    }
    if (count) parts.push(count.textContent.trim());
    return parts.join(". ");
  }

  function show(url, push) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (answer) {
        if (!answer.ok || answer.redirected) throw new Error("status " + answer.status);
        return answer.text();
      })
      .then(function (html) {
        swapMain(html);
        if (push) window.history.pushState({ gepList: true }, "", url);
        announce(summary());
        var sorted = main.querySelector("th[aria-sort] a");
        if (sorted) sorted.focus();
      })
      .catch(function () { window.location.assign(url); });
  }

  main.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-sort-link], .pager a") : null;
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    show(link.href, true);
  });

  main.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form.filters") || form.method.toLowerCase() !== "get") return;
    event.preventDefault();
    var url = new URL(form.action, window.location.href);
    url.search = new URLSearchParams(new FormData(form)).toString();
    show(url.toString(), true);
  });

  window.addEventListener("popstate", function () { show(window.location.href, false); });
})();
