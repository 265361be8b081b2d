/*
 * Every code block has its copy button from the start, as it had before code blocks were mounted
 * lazily.
 *
 * Material mounts each code block only when it first comes into view (content.lazy in mkdocs.yml),
 * and makes its copy button then: without this, a reader moving through a page with the keyboard
 * would find no copy button on the blocks below the fold. This runs before Material mounts any
 * block and gives each block Material would give a button (a code block of the page's content
 * outside a no-copy element) the same button in the same place, marking the block no-copy so that
 * Material makes no second one. Material's own clipboard handler serves the button (it listens for
 * any [data-clipboard-target]), so copying, what is copied and the "copied" notice are Material's.
 * Inserting the buttons measures nothing, so the page is not laid out once per block.
 */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("__config").textContent);
  if (config.features.indexOf("content.code.copy") < 0) {
    return;
  }
  var content = document.querySelector("[data-md-component=content]");
  if (!content) {
    return;
  }
  var blocks = content.querySelectorAll("pre:not(.mermaid) > code");
  Array.prototype.forEach.call(blocks, function (code, index) {
    var pre = code.parentElement;
    if (pre.closest(".no-copy")) {
      return;
    }
    var holder = pre.parentElement;
    if (!holder.id) {
      holder.id = "__copy_" + index; // Material names the block's <pre> after it when it mounts the block
    }
    var button = document.createElement("button");
    button.className = "md-code__button";
    button.title = config.translations["clipboard.copy"];
    button.setAttribute("data-clipboard-target", "#" + holder.id + " > pre > code");
    button.setAttribute("data-md-type", "copy");
    var nav = document.createElement("nav");
    nav.className = "md-code__nav";
    nav.appendChild(button);
    pre.insertBefore(nav, code);
    pre.classList.add("no-copy");
  });
})();
