/*
 * A code block too wide for its column can be scrolled from the keyboard before Material mounts it.
 *
 * Material mounts each code block (copy button, keyboard focus) only when it first comes into
 * view: the content.lazy feature in mkdocs.yml, so that a long page is not laid out again once per
 * block while it loads. Material makes an overflowing block focusable (tabindex="0") where the
 * reader has a pointer that hovers, and only when it mounts the block; this does the same, with
 * Material's own test, for the blocks not yet mounted (Material gives a mounted block's <pre> an
 * id), all measured first and changed after, once the page has loaded and again when the window
 * is resized. Material keeps a mounted block's tabindex up to date itself. Without a pointer that
 * hovers (a phone), Material makes no block focusable, and this does nothing.
 */
(function () {
  "use strict";

  if (!window.matchMedia("(hover)").matches) {
    return;
  }

  function markScrollableBlocks() {
    var blocks = Array.prototype.slice.call(document.querySelectorAll('pre:not([id^="__code_"]) > code'));
    var scrollable = blocks.map(function (code) {
      return code.scrollWidth > code.offsetWidth;
    });
    blocks.forEach(function (code, index) {
      if (scrollable[index]) {
        code.setAttribute("tabindex", "0");
      } else {
        code.removeAttribute("tabindex");
      }
    });
  }

  // Measured just after the next frame is drawn, when the page's layout is up to date: the
  // measuring then lays out nothing again.
  var pending = false;
  function markSoon() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        window.setTimeout(function () {
          pending = false;
          markScrollableBlocks();
        }, 0);
      });
    }
  }

  if (document.readyState === "complete") {
    markSoon();
  } else {
    window.addEventListener("load", markSoon);
  }
  window.addEventListener("resize", markSoon);
})();
