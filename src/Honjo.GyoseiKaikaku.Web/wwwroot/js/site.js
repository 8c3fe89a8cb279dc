// Small progressive enhancements; every page works without them.
(function () {
    "use strict";

    // Selecting an edition shows it straight away (a button is there when scripts are off).
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
        select.addEventListener("change", function () { select.form.submit(); });
    });

    // Destructive actions ask first.
    // A form that is not complete (a 差戻し without its reason) says so first, before any question is asked.
    document.querySelectorAll("[data-confirm]").forEach(function (button) {
        button.addEventListener("click", function (event) {
            if (button.form && !button.form.noValidate && !button.form.checkValidity()) {
                event.preventDefault();
                button.form.reportValidity();
                return;
            }
            if (!window.confirm(button.getAttribute("data-confirm"))) { event.preventDefault(); }
        });
    });

    // Long work (publishing renders both booklets) shows that it is running and cannot be sent twice.
    document.querySelectorAll("form").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            var button = event.submitter;
            if (button && button.hasAttribute("data-busy")) {
                button.textContent = button.getAttribute("data-busy");
                button.setAttribute("aria-busy", "true");
                window.setTimeout(function () { button.disabled = true; }, 0);
            }
        });
    });

        document.querySelectorAll("[data-print]").forEach(function (button) {
        button.addEventListener("click", function () { window.print(); });
    });

    // A sheet must print on one A4 page (297mm less 2 x 10mm margins): measure it in its print layout and let the
    // print stylesheet shrink it by --print-zoom when it is taller. Text is shrunk, never cut. Measured on load,
    // so that printing from the menu, the button or a headless browser all see the same value.
    var sheet = document.querySelector(".sheet");
    if (!sheet) { return; }
    var printableHeightPx = (297 - 20) * 96 / 25.4 * 0.98;
    function measure() {
        var probe = sheet.cloneNode(true);
        probe.classList.add("sheet--measure");
        probe.removeAttribute("id");
        probe.setAttribute("aria-hidden", "true");
        document.body.appendChild(probe);
        var height = probe.getBoundingClientRect().height;
        document.body.removeChild(probe);
        var zoom = height > printableHeightPx ? Math.floor((printableHeightPx / height) * 1000) / 1000 : 1;
        sheet.style.setProperty("--print-zoom", String(zoom));
        sheet.dataset.printZoom = String(zoom);
    }
    if (document.fonts && document.fonts.ready) {
        document.fonts.ready.then(measure);
    } else {
        measure();
    }
    window.addEventListener("beforeprint", measure);
})();
