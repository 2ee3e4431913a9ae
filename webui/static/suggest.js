// The search box: completions from /api/suggest in a list under the box (the ARIA 1.2
// combobox pattern: ↓/↑ move through them, Enter searches the one chosen, Esc closes), and
// "/" anywhere on the page puts the cursor in the box, as on most search sites.
// Progressive enhancement: without this script the form works exactly the same.
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest-url]");
  if (!input) {
    return;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var target = event.target;
    var typing =
      target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName || "");
    if (!typing) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });

  var list = document.getElementById(input.getAttribute("aria-controls"));
  if (!list || !window.fetch) {
    return;
  }
  var endpoint = input.getAttribute("data-suggest-url");
  var timer = null;
  var asked = "";
  var active = -1;

  function options() {
    return list.querySelectorAll("[role=option]");
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function choose(index) {
    var items = options();
    if (!items.length) {
      return;
    }
    active = (index + items.length) % items.length;
    items.forEach(function (item, i) {
      item.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    input.setAttribute("aria-activedescendant", items[active].id);
  }

  function submit(word) {
    input.value = word;
    close();
    if (input.form.requestSubmit) {
      input.form.requestSubmit();
    } else {
      input.form.submit();
    }
  }

  function show(words) {
    var items = words.map(function (word, i) {
      var item = document.createElement("li");
      item.id = "q-suggestion-" + i;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.textContent = word; // text, never markup
      item.addEventListener("mousedown", function (event) {
        event.preventDefault(); // keep the focus in the box
        submit(word);
      });
      return item;
    });
    list.replaceChildren.apply(list, items);
    active = -1;
    input.removeAttribute("aria-activedescendant");
    var open = items.length > 0 && document.activeElement === input;
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function ask() {
    var prefix = input.value.trim();
    if (!prefix) {
      close();
      return;
    }
    if (prefix === asked) {
      return;
    }
    asked = prefix;
    fetch(endpoint + "?q=" + encodeURIComponent(prefix), {
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      })
      .then(function (data) {
        if (input.value.trim() === prefix) {
          // only if the box still says what we asked about
          show(data.suggestions || []);
        }
      })
      .catch(function () {
        /* no completions; typing still works */
      });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
  input.addEventListener("keydown", function (event) {
    var open = !list.hidden && options().length > 0;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!options().length) {
        return;
      }
      event.preventDefault();
      if (!open) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
      choose(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      submit(options()[active].textContent);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", close);
})();
