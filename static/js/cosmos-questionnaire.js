/* The guided COSMOS questionnaire, with JavaScript: the step's answers are saved on their own
   a moment after typing stops (the same form, posted with autosave=1), the "saved at" line
   (a status region) says when, and leaving the page with answers not yet saved asks first.
   Without JavaScript the Save buttons do the same. The list buttons (add, move, remove) post
   the form as usual. After each save the event "cosmos:saved" is sent on the document, so the
   live picture can be drawn again. */
(function () {
  "use strict";

  var DELAY = 1200;

  function start() {
    var form = document.getElementById("cq-form");
    var status = document.getElementById("cq-saved");
    if (!form || !status || !window.fetch || !window.FormData) return;
    var timer = null;
    var dirty = false;
    var sending = false;
    var again = false;
    var submitting = false;

    function isNewItemField(el) {
      return el.closest && el.closest("[data-new]");
    }

    function say(text, failed) {
      status.textContent = text;
      status.classList.toggle("cq-error", !!failed);
    }

    function clearErrors() {
      // Every error next to a field goes (also those of a page sent back without script);
      // the next answer names what is still wrong.
      form.querySelectorAll("ul.errors").forEach(function (ul) {
        var field = ul.closest(".field");
        if (field) field.classList.remove("field-error");
        ul.remove();
      });
      form.querySelectorAll("[aria-invalid]").forEach(function (el) {
        el.removeAttribute("aria-invalid");
      });
      form.querySelectorAll("[aria-describedby$='-errors']").forEach(function (el) {
        el.removeAttribute("aria-describedby");
      });
    }

    function showErrors(errors) {
      Object.keys(errors || {}).forEach(function (id) {
        var target = document.getElementById(id);
        if (!target) return;
        var ul = document.getElementById(id + "-errors");
        if (!ul) {
          ul = document.createElement("ul");
          ul.className = "errors";
          ul.id = id + "-errors";
          if (target.tagName === "FIELDSET") {
            var legend = target.querySelector("legend");
            legend.insertAdjacentElement("afterend", ul);
          } else if (target.tagName === "SECTION") {
            target.querySelector("h2").insertAdjacentElement("afterend", ul);
          } else {
            target.insertAdjacentElement("beforebegin", ul);
            target.setAttribute("aria-invalid", "true");
            target.setAttribute("aria-describedby", ul.id);
          }
        }
        ul.textContent = "";
        errors[id].forEach(function (message) {
          var li = document.createElement("li");
          li.textContent = message;
          ul.appendChild(li);
        });
        var field = target.closest(".field");
        if (field) field.classList.add("field-error");
      });
    }

    function save() {
      timer = null;
      if (sending) {
        again = true;
        return;
      }
      sending = true;
      var data = new FormData(form);
      data.append("autosave", "1");
      // A picture is sent with the Add button only, never while saving on the way.
      form.querySelectorAll("input[type=file]").forEach(function (el) {
        data.delete(el.name);
      });
      data.set("action", "save");
      say(form.getAttribute("data-saving"));
      var wasDirty = dirty;
      dirty = false;
      fetch(form.getAttribute("action"), {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.json().then(function (body) {
            return { ok: response.ok, body: body };
          });
        })
        .then(function (result) {
          clearErrors();
          if (result.ok && result.body.ok) {
            var base = document.getElementById("cq-base");
            if (base && result.body.version !== undefined) base.value = result.body.version;
            say(result.body.text);
            document.dispatchEvent(new CustomEvent("cosmos:saved", { detail: result.body }));
          } else {
            dirty = true;
            showErrors(result.body.errors);
            var general = (result.body.general || []).join(" ");
            say(general || result.body.text, true);
          }
        })
        .catch(function () {
          dirty = dirty || wasDirty;
          say(form.getAttribute("data-failed"), true);
        })
        .then(function () {
          sending = false;
          if (again) {
            again = false;
            save();
          }
        });
    }

    function changed(event) {
      if (isNewItemField(event.target)) return;
      dirty = true;
      say(form.getAttribute("data-unsaved"));
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(save, DELAY);
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function () {
      submitting = true;
      if (timer) window.clearTimeout(timer);
    });
    window.addEventListener("beforeunload", function (event) {
      var typingNew = Array.prototype.some.call(
        form.querySelectorAll("[data-new] input[type=text], [data-new] input[type=url]"),
        function (el) {
          return el.value.trim() !== "";
        },
      );
      if (submitting || (!dirty && !sending && !timer && !typingNew)) return;
      event.preventDefault();
      event.returnValue = "";
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
