/*
 * The outcome of a form is the first thing seen and heard (progressive enhancement).
 *
 * Without JavaScript the pages already do most of it: a form posts to an address with a
 * fragment (#registration, #contact, #signup-manage), so the browser scrolls its answer
 * into view. This script moves the focus there too, so a screen reader reads it at once
 * and the next Tab continues from it: to the first element marked [data-focus-on-load]
 * (a form's outcome or its error summary, which carry tabindex="-1"), as the GOV.UK and
 * NL Design System error summaries do. Where a page has both, the template marks the one
 * that matters; the first marked element wins.
 *
 * Loaded with `defer` from the page's own templates; no inline scripts (the CSP forbids them).
 */
(function () {
    "use strict";

    function focusOutcome() {
        var target = document.querySelector("[data-focus-on-load]");
        if (!target) {
            return;
        }
        if (!target.hasAttribute("tabindex")) {
            target.setAttribute("tabindex", "-1");
        }
        // focus() scrolls the element into view; start-aligned so the whole message shows.
        target.focus({ preventScroll: true });
        target.scrollIntoView({ block: "start" });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", focusOutcome);
    } else {
        focusOutcome();
    }
    // An address with a fragment (#registration) makes the browser scroll to that section
    // once the page has loaded, and move the focus there ("scroll to the fragment" runs the
    // focusing steps, which fall back to the page itself for a section that cannot take
    // the focus): focus the outcome again after that.
    if (window.location.hash) {
        window.addEventListener("load", function () {
            window.setTimeout(focusOutcome, 0);
        });
    }
})();
