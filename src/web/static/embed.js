// The panel inside JobNimbus: posts its content's height to the host page (on load, on resize
// and whenever the content changes size), so the iframe can fit it, and shows that the view is
// out of date once its link has expired. The body is measured, never the frame: a frame sized
// from its own height only ever grows.
(function () {
  "use strict";
  var body = document.body;
  var last = -1;
  function postHeight() {
    if (window.parent === window) return;
    var height = Math.ceil(body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "gep:panel-height", height: height }, "*");
  }
  window.addEventListener("load", postHeight);
  window.addEventListener("resize", postHeight);
  if ("ResizeObserver" in window) new ResizeObserver(postHeight).observe(body);
  postHeight();
  var expiresAt = Number(body.getAttribute("data-expires-at") || "0") * 1000;
  var stale = document.getElementById("stale");
  if (expiresAt > 0 && stale) {
    var markStale = function () {
      stale.hidden = false;
      postHeight();
    };
    var wait = expiresAt - Date.now();
    if (wait <= 0) markStale();
    else window.setTimeout(markStale, Math.min(wait, 2147483647));
  }
})();
