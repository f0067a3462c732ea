/*
 * Progressive enhancement of discovery (the pages work the same without it):
 *
 * - Filter forms (form[data-discovery-form]) update the results as soon as a checkbox or
 *   the sort order changes, without reloading the page: the address bar follows (so the
 *   list can still be shared, and Back works), focus stays on the control that changed,
 *   and the new number of results is announced to screen readers.
 *   On a small screen the filters start folded (a <details>), so the results come first.
 * - The search box ([data-combobox]) suggests page titles as you type, as an ARIA 1.2
 *   combobox with a list box: arrow keys move through the suggestions, Enter opens one,
 *   Escape closes the list. Suggestions come from the JSON endpoint of search/views.py.
 *
 * Same-origin requests only; no inline scripts or styles (the CSP forbids them).
 */
(function () {
    "use strict";

    // --- Filters that update in place ----------------------------------------------

    function announce(root, text) {
        var region = root.querySelector("[data-discovery-announce]");
        if (region) {
            region.textContent = "";
            window.setTimeout(function () { region.textContent = text; }, 50);
        }
    }

    function resultCountText(doc) {
        var count = doc.querySelector("#discovery-results .result-count");
        return count ? count.textContent.replace(/\s+/g, " ").trim() : "";
    }

    function swap(doc, form) {
        var results = document.getElementById("discovery-results");
        var newResults = doc.getElementById("discovery-results");
        var newForm = doc.querySelector("form[data-discovery-form]");
        if (!results || !newResults || !newForm) {
            return false;
        }
        var focusedId = document.activeElement && document.activeElement.id;
        var panel = form.querySelector("[data-filters-panel]");
        var open = panel ? panel.open : true;
        results.innerHTML = newResults.innerHTML;
        form.innerHTML = newForm.innerHTML;
        panel = form.querySelector("[data-filters-panel]");
        if (panel) {
            panel.open = open; // as the resident left it, not as the server sends it
        }
        if (focusedId) {
            var again = document.getElementById(focusedId);
            if (again) {
                again.focus();
            }
        }
        announce(document, resultCountText(doc));
        return true;
    }

    function load(url, form, push) {
        var results = document.getElementById("discovery-results");
        if (results) {
            results.setAttribute("aria-busy", "true");
        }
        return window.fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                var doc = new DOMParser().parseFromString(html, "text/html");
                if (!swap(doc, form)) {
                    window.location.assign(url);
                    return;
                }
                if (push) {
                    window.history.pushState({ discovery: true }, "", url);
                }
            })
            .catch(function () {
                window.location.assign(url); // the page itself still works
            })
            .finally(function () {
                var current = document.getElementById("discovery-results");
                if (current) {
                    current.removeAttribute("aria-busy");
                }
            });
    }

    function formUrl(form) {
        var params = new URLSearchParams();
        new FormData(form).forEach(function (value, name) {
            params.append(name, value);
        });
        var query = params.toString();
        return form.getAttribute("action") + (query ? "?" + query : "");
    }

    // Below this width the filters sit above the results (static/css/discovery.css).
    var NARROW = "(max-width: 51.99rem)";

    function enhanceFilters(form) {
        document.documentElement.classList.add("js-discovery");
        var panel = form.querySelector("[data-filters-panel]");
        if (panel && window.matchMedia && window.matchMedia(NARROW).matches) {
            panel.open = false; // results first on a small screen; the summary opens them
        }
        form.addEventListener("change", function (event) {
            if (event.target.matches("input, select")) {
                load(formUrl(form), form, true);
            }
        });
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            load(formUrl(form), form, true);
        });
        window.addEventListener("popstate", function () {
            load(window.location.href, form, false);
        });
    }

    // --- Search box with suggestions (ARIA combobox) -----------------------------------

    var comboboxCount = 0;

    function enhanceCombobox(box) {
        var input = box.querySelector("input[type=search]");
        var endpoint = box.getAttribute("data-suggest-url");
        if (!input || !endpoint) {
            return;
        }
        comboboxCount += 1;
        var listId = "search-suggestions-" + comboboxCount;
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "combobox__listbox";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent.trim() : "");
        list.hidden = true;
        box.appendChild(list);

        var status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        box.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        var options = [];
        var active = -1;
        var timer = null;
        var lastQuery = "";

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function setActive(index) {
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].id);
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function render(results) {
            list.textContent = "";
            options = results.map(function (result, i) {
                var option = document.createElement("li");
                option.id = listId + "-" + i;
                option.className = "combobox__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.setAttribute("data-url", result.url);
                var title = document.createElement("span");
                title.textContent = result.title;
                var type = document.createElement("span");
                type.className = "combobox__type";
                type.textContent = result.type;
                option.appendChild(title);
                option.appendChild(type);
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault(); // keep focus in the input
                });
                option.addEventListener("click", function () {
                    window.location.assign(result.url);
                });
                list.appendChild(option);
                return option;
            });
            active = -1;
            if (options.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
                status.textContent = options.length + " " + (box.getAttribute("data-suggestions-found") || "");
            } else {
                close();
                status.textContent = box.getAttribute("data-no-suggestions") || "";
            }
        }

        function suggest() {
            var query = input.value.trim();
            if (query === lastQuery) {
                return;
            }
            lastQuery = query;
            if (query.length < 2) {
                render([]);
                status.textContent = "";
                return;
            }
            window.fetch(endpoint + "?q=" + encodeURIComponent(query), { credentials: "same-origin" })
                .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                .then(function (data) {
                    if (input.value.trim() === query) {
                        render(data.results || []);
                    }
                })
                .catch(function () { close(); });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(suggest, 150);
        });
        input.addEventListener("keydown", function (event) {
            var open = !list.hidden && options.length > 0;
            if (event.key === "ArrowDown") {
                event.preventDefault();
                if (!open) {
                    lastQuery = "";
                    suggest();
                    return;
                }
                setActive(active + 1 >= options.length ? 0 : active + 1);
            } else if (event.key === "ArrowUp") {
                if (open) {
                    event.preventDefault();
                    setActive(active - 1 < 0 ? options.length - 1 : active - 1);
                }
            } else if (event.key === "Enter") {
                if (open && active >= 0) {
                    event.preventDefault();
                    window.location.assign(options[active].getAttribute("data-url"));
                }
            } else if (event.key === "Escape") {
                if (open) {
                    event.preventDefault();
                    close();
                } else {
                    input.value = "";
                    lastQuery = "";
                }
            } else if (event.key === "Tab") {
                close();
            }
        });
        input.addEventListener("blur", function () {
            window.setTimeout(close, 100);
        });
    }

    function init() {
        Array.prototype.forEach.call(document.querySelectorAll("form[data-discovery-form]"), enhanceFilters);
        Array.prototype.forEach.call(document.querySelectorAll("[data-combobox]"), enhanceCombobox);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
