// Search-box completions from /api/suggest into the input's <datalist>.
// Progressive enhancement: without this script the form works exactly the same.
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest-url]");
  if (!input || !window.fetch || !input.list) {
    return;
  }
  var list = input.list;
  var endpoint = input.getAttribute("data-suggest-url");
  var timer = null;
  var asked = "";

  function show(words) {
    var options = words.map(function (word) {
      var option = document.createElement("option");
      option.value = word; // a property, never markup
      return option;
    });
    list.replaceChildren.apply(list, options);
  }

  function ask() {
    var prefix = input.value.trim();
    if (!prefix || prefix === asked) {
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
})();
