// Small progressive enhancements; every page works without them.
(function () {
    "use strict";

    // Selecting an edition shows it straight away (a button is there when scripts are off).
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
        select.addEventListener("change", function () { select.form.submit(); });
    });

    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.addEventListener("click", function () { window.print(); });
    });

    // A sheet must print on one A4 page: before printing, shrink it to fit the printable height
    // (A4 297mm less 2 x 10mm margins), never cutting text.
    var sheet = document.querySelector(".sheet");
    if (!sheet) { return; }
    var printableHeightPx = (297 - 20) * 96 / 25.4;
    window.addEventListener("beforeprint", function () {
        sheet.style.zoom = "";
        var height = sheet.getBoundingClientRect().height;
        if (height > printableHeightPx) {
            sheet.style.zoom = String(Math.floor((printableHeightPx / height) * 1000) / 1000);
        }
    });
    window.addEventListener("afterprint", function () { sheet.style.zoom = ""; });
})();
