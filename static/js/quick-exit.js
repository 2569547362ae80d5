// Quick exit for sensitive courses: replace this page with a neutral site so that the Back
// button does not return to it. Works as a plain link without JavaScript; with JavaScript it
// also clears the page at once and answers a double press of Escape.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  var target = link.getAttribute("href");
  var lastEscape = 0;
  // The Escape shortcut needs this script, so it is only announced once the script runs.
  var hint = link.querySelector(".quick-exit__hint");
  if (hint) hint.hidden = false;

  function exit(event) {
    if (event) event.preventDefault();
    document.body.innerHTML = "";
    document.title = "";
    window.location.replace(target);
  }

  link.addEventListener("click", exit);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    if (now - lastEscape < 1000) exit(event);
    lastEscape = now;
  });
})();
