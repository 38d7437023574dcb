/* Mark a quote by selecting it (progressive enhancement).
 *
 * Without this script the curator pastes the passage or picks its first and last sentence.
 * With it, selecting words in the story's numbered sentences fills the passage field, which
 * the server then finds in the text. No inline script: the page's CSP allows only files.
 */
(function () {
  "use strict";

  function setUp() {
    var source = document.querySelector("[data-quote-source]");
    var field = document.querySelector("[data-quote-passage]");
    if (!source || !field || !window.getSelection) return;
    document.addEventListener("selectionchange", function () {
      var selection = window.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
      var range = selection.getRangeAt(0);
      if (!source.contains(range.commonAncestorContainer)) return;
      var text = selection.toString().replace(/\s+/g, " ").trim();
      if (text) field.value = text;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
