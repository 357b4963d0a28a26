// Watching a sync on /sync. Without it the page still works: a "Sync jobs" button posts the
// form, and the page comes back with the run's log line when the pull ends. With it, the post
// goes in the background while the page polls /api/v1/sync/status once a second and shows its
// summary (the same words the server renders); when the run ends the page's content is swapped
// for the new one (its log line on top) and the result is announced. A page opened while a run
// goes on follows it too. It uses tables.js's helpers (window.gepPage).
(function () {
  "use strict";
  var main = document.getElementById("main");
  var page = window.gepPage;
  if (!main || !page || !document.getElementById("sync-activity")) return;
  var pollEveryMs = 1000;
  var waiting = false;

  function region() { return document.getElementById("sync-activity"); }

  function setButtons(disabled) {
    var buttons = main.querySelectorAll("form[data-sync-run] button");
    for (var i = 0; i < buttons.length; i += 1) buttons[i].disabled = disabled;
  }

  function lastRun() {
    var row = main.querySelector("table.sync-log tbody tr");
    return row ? "Sync finished: " + row.textContent.replace(/\s+/g, " ").trim() : "Sync finished.";
  }

  function reload() {
    return fetch(window.location.href, { credentials: "same-origin" })
      .then(function (answer) { return answer.text(); })
      .then(page.swapMain);
  }

  // Polls until no run is left, then shows the page as it is now.
  function follow() {
    fetch("/api/v1/sync/status", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (answer) {
        if (!answer.ok) throw new Error("status " + answer.status);
        return answer.json();
      })
      .then(function (status) {
        if (region()) region().textContent = status.summary;
        if (status.running || waiting) {
          setButtons(true);
          window.setTimeout(follow, pollEveryMs);
          return;
        }
        reload().then(function () { page.announce(lastRun()); });
      })
      .catch(function () { window.setTimeout(follow, pollEveryMs * 5); });
  }

  main.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-sync-run]")) return;
    event.preventDefault();
    setButtons(true);
    waiting = true;
    region().textContent = "Starting the sync…";
    fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(new FormData(form)).toString()
    })
      .then(function (answer) { return answer.text(); })
      .then(function (html) {
        waiting = false;
        page.swapMain(html);
        page.announce(lastRun());
      })
      .catch(function () { window.location.reload(); });
    window.setTimeout(follow, pollEveryMs);
  });

  if (region().getAttribute("data-running") === "true") follow();
})();
