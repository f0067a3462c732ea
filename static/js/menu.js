/*
 * The menu button of the site header on small screens (progressive enhancement).
 *
 * Without JavaScript the header shows search, the languages and the main menu, and the
 * button stays hidden: everything is reachable. This script turns the button on and makes
 * it a disclosure (as the GOV.UK and NL Design System headers do): a real <button> with
 * aria-expanded and aria-controls; the panels it controls (marked [data-menu-panel]) are
 * hidden with display: none while closed, so nothing hidden can take the focus. The
 * stylesheet decides the width below which the button and the closed state apply; on
 * wider screens everything shows whatever the state. Escape closes an open menu and
 * returns the focus to the button.
 *
 * Loaded with `defer` from base.html; no inline scripts (the CSP forbids them).
 */
(function () {
    "use strict";

    function enhance(header) {
        var button = header.querySelector("[data-menu-button]");
        var panels = header.querySelectorAll("[data-menu-panel]");
        if (!button || !panels.length) {
            return;
        }
        var ids = [];
        for (var i = 0; i < panels.length; i++) {
            ids.push(panels[i].id);
        }

        function setOpen(open) {
            button.setAttribute("aria-expanded", open ? "true" : "false");
            header.setAttribute("data-menu", open ? "open" : "closed");
        }

        button.setAttribute("aria-controls", ids.join(" "));
        button.hidden = false;
        setOpen(false);

        button.addEventListener("click", function () {
            setOpen(button.getAttribute("aria-expanded") !== "true");
        });

        header.addEventListener("keydown", function (event) {
            if (event.key !== "Escape" || button.getAttribute("aria-expanded") !== "true") {
                return;
            }
            // Only where the button is shown (a small screen): elsewhere Escape does nothing.
            if (button.offsetParent === null) {
                return;
            }
            setOpen(false);
            button.focus();
        });
    }

    function init() {
        var headers = document.querySelectorAll("[data-menu-header]");
        for (var i = 0; i < headers.length; i++) {
            enhance(headers[i]);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
