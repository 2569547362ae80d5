/* The cohort form's tutor picker (courses/tutor_picker.py): a search box that hides the
   people whose name or email does not match what is typed. Chosen tutors always stay visible.
   No framework; the list works without it. */
(function () {
  "use strict";
  function normalise(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function setUp(picker) {
    var box = picker.querySelector("[data-tutor-picker-search]");
    var input = box && box.querySelector("input");
    var none = picker.querySelector("[data-tutor-picker-none]");
    if (!input) { return; }
    box.hidden = false;
    var items = Array.prototype.slice.call(picker.querySelectorAll("input[type=checkbox]"));
    input.addEventListener("input", function () {
      var query = normalise(input.value.trim());
      var shown = 0;
      items.forEach(function (checkbox) {
        var row = checkbox.closest("div") || checkbox.parentNode;
        var text = normalise(row.textContent);
        var visible = checkbox.checked || !query || text.indexOf(query) !== -1;
        row.hidden = !visible;
        if (visible) { shown += 1; }
      });
      if (none) { none.hidden = shown > 0; }
    });
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-tutor-picker]"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
