/*
 * A live character count under a textarea with a minimum length (progressive enhancement).
 *
 * Without JavaScript the field's hint already says the minimum and maximum. With it, a
 * textarea marked [data-char-count] gets a visible count right under it, updated on every
 * keystroke and linked to the textarea with aria-describedby, plus a polite live region
 * that speaks only when the count crosses the minimum or has moved by ten characters, and
 * only after a short pause in typing, so a screen reader is not interrupted per key.
 *
 * The words come from the textarea itself (translated on the server):
 * data-count-short  "… %(count)s … %(remaining)s …"  while below minlength;
 * data-count-enough "… %(count)s … %(max)s …"        from minlength on.
 *
 * Loaded with `defer` from the page's own templates; no inline scripts (the CSP forbids them).
 */
(function () {
    "use strict";

    var ANNOUNCE_EVERY = 10;  // characters
    var PAUSE = 800;  // milliseconds without typing before the live region speaks

    function format(template, values) {
        return template.replace(/%\((\w+)\)s/g, function (match, name) {
            return name in values ? values[name] : match;
        });
    }

    function enhance(field) {
        var min = parseInt(field.getAttribute("minlength"), 10) || 0;
        var max = parseInt(field.getAttribute("maxlength"), 10) || 0;
        var lang = document.documentElement.lang || undefined;
        var number = function (value) { return value.toLocaleString(lang); };

        var count = document.createElement("p");
        count.className = "form-field__count";
        count.id = field.id + "_count";
        var live = document.createElement("p");
        live.className = "visually-hidden";
        live.setAttribute("aria-live", "polite");
        live.id = field.id + "_count_live";
        field.insertAdjacentElement("afterend", count);
        count.insertAdjacentElement("afterend", live);
        var describedBy = field.getAttribute("aria-describedby");
        field.setAttribute("aria-describedby", (describedBy ? describedBy + " " : "") + count.id);

        function message(length) {
            if (length < min) {
                return format(field.dataset.countShort, {count: number(length), remaining: number(min - length)});
            }
            return format(field.dataset.countEnough, {count: number(length), max: number(max)});
        }

        var announced = field.value.length;
        var timer = null;

        function announce() {
            var length = field.value.length;
            var crossed = (announced < min) !== (length < min);
            if (crossed || Math.abs(length - announced) >= ANNOUNCE_EVERY) {
                announced = length;
                live.textContent = message(length);
            }
        }

        function update() {
            var length = field.value.length;
            count.textContent = message(length);
            window.clearTimeout(timer);
            timer = window.setTimeout(announce, PAUSE);
        }

        count.textContent = message(field.value.length);
        field.addEventListener("input", update);
    }

    function start() {
        var fields = document.querySelectorAll("textarea[data-char-count][id]");
        for (var i = 0; i < fields.length; i++) {
            enhance(fields[i]);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
