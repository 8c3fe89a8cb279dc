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

    // A status line with a progress bar and the seconds waited, placed after an element (ADR 0022). show() takes
    // the progress a job reports (ADR 0032): done of total sheets and the step, shown in the bar and the text.
    function progressAfter(element, text) {
        var box = document.createElement("div");
        box.className = "export-progress";
        box.setAttribute("role", "status");
        box.setAttribute("aria-live", "polite");
        var bar = document.createElement("progress");
        bar.setAttribute("aria-label", text);
        var label = document.createElement("span");
        box.appendChild(bar);
        box.appendChild(label);
        element.insertAdjacentElement("afterend", box);
        var started = Date.now();
        var current = text;
        function seconds() { return "（" + Math.round((Date.now() - started) / 1000) + "秒経過）"; }
        function render() { label.textContent = current + seconds(); }
        render();
        var timer = window.setInterval(render, 1000);
        return {
            box: box,
            show: function (job) {
                current = describe(job) || text;
                setBar(bar, job);
                render();
            },
            done: function (message, isError) {
                window.clearInterval(timer);
                if (bar.parentNode) { box.removeChild(bar); }
                if (isError) { box.setAttribute("role", "alert"); }
                label.textContent = message;
            }
        };
    }

    // "シートを印刷中：120 / 1,008 シート" from a job's (or a publication's) status.
    function describe(job) {
        if (!job || !job.step) { return null; }
        return job.total > 0 ? job.step + "：" + job.done.toLocaleString("ja-JP") + " / " + job.total.toLocaleString("ja-JP") + " シート" : job.step;
    }

    function setBar(bar, job) {
        if (job && job.total > 0) {
            bar.max = job.total;
            bar.value = Math.min(job.done, job.total);
            bar.textContent = Math.round(100 * bar.value / job.total) + "%";
        }
    }

    function getJson(url) {
        return fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
            .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.json(); });
    }

    // Long work (publishing renders both booklets) shows that it is running, how far it is, and cannot be sent
    // twice. A form with data-progress is sent in the background while the page polls the edition's publishing
    // status; when it ends the page goes to data-done, where the result (notice or error) is shown.
    document.querySelectorAll("form").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            var button = event.submitter;
            if (!button || !button.hasAttribute("data-busy") || event.defaultPrevented) { return; }
            button.textContent = button.getAttribute("data-busy");
            button.setAttribute("aria-busy", "true");
            var progress = progressAfter(button, button.getAttribute("data-busy"));
            var url = form.getAttribute("data-progress");
            if (!url || !window.fetch || !window.FormData) {
                window.setTimeout(function () { button.disabled = true; }, 0);
                return;
            }
            event.preventDefault();
            var body = new FormData(form);
            button.disabled = true;
            var finished = false;
            var poll = function () {
                if (finished) { return; }
                getJson(url).then(function (status) {
                    if (status.state === "running") { progress.show(status); }
                    window.setTimeout(poll, 1000);
                }).catch(function () { window.setTimeout(poll, 2000); });
            };
            window.setTimeout(poll, 500);
            fetch(form.action, { method: "POST", body: body, credentials: "same-origin", redirect: "manual" })
                .then(function (response) {
                    finished = true;
                    if (response.type === "opaqueredirect" || response.ok) {
                        window.location.href = form.getAttribute("data-done") || window.location.href;
                        return null;
                    }
                    return response.text().then(function (html) { document.open(); document.write(html); document.close(); });
                })
                .catch(function () { finished = true; form.submit(); });
        });
    });

    // Someone else's 公表 or 確定 under way (shown by the server): follow it, then show the result.
    document.querySelectorAll("[data-publishing-status]").forEach(function (box) {
        if (!window.fetch) { return; }
        var bar = box.querySelector("progress");
        var text = box.querySelector("[data-publishing-text]");
        var poll = function () {
            getJson(box.getAttribute("data-publishing-status")).then(function (status) {
                if (status.state !== "running") { window.location.reload(); return; }
                setBar(bar, status);
                text.textContent = status.work + "の処理中です：" + (describe(status) || "準備中") + "（" + status.elapsedSeconds + "秒経過）";
                window.setTimeout(poll, 1000);
            }).catch(function () { window.setTimeout(poll, 3000); });
        };
        window.setTimeout(poll, 1000);
    });

    // A booklet download that takes a while: start (or join) the render, show its progress, then download the
    // finished file. Without scripts the link opens the waiting page, which refreshes itself.
    document.querySelectorAll("a[data-export]").forEach(function (link) {
        link.addEventListener("click", function (event) {
            if (!window.fetch || link.getAttribute("aria-busy") === "true") { return; }
            event.preventDefault();
            link.setAttribute("aria-busy", "true");
            var progress = progressAfter(link, "冊子を作成しています");
            function fallback() {
                link.removeAttribute("aria-busy");
                progress.box.remove();
                window.location.href = link.href;
            }
            function poll(url) {
                getJson(url)
                    .then(function (job) {
                        if (job.state === "running") {
                            progress.show(job);
                            window.setTimeout(function () { poll(job.status); }, 1000);
                        } else if (job.state === "done") {
                            link.removeAttribute("aria-busy");
                            progress.done("作成しました。ダウンロードを開始します。");
                            window.location.href = job.file;
                        } else {
                            link.removeAttribute("aria-busy");
                            progress.done(job.error || "作成できませんでした。", true);
                        }
                    })
                    .catch(fallback);
            }
            poll(link.getAttribute("data-export"));
        });
    });

    // The waiting page of an export: poll its status, show how far it is, then download the file.
    document.querySelectorAll("[data-export-wait]").forEach(function (page) {
        if (!window.fetch || page.getAttribute("data-state") !== "running") { return; }
        var box = page.querySelector("[data-export-progress]");
        var bar = box.querySelector("progress");
        var text = box.querySelector("[data-export-text]");
        var fileLink = page.querySelector("[data-export-file]");
        var poll = function () {
            getJson(page.getAttribute("data-status-url")).then(function (job) {
                if (job.state === "running") {
                    setBar(bar, job);
                    text.textContent = (describe(job) || "冊子を作成しています") + "（" + job.elapsedSeconds + "秒経過）";
                    window.setTimeout(poll, 1000);
                } else if (job.state === "done") {
                    if (bar) { bar.remove(); }
                    text.textContent = "作成しました。ダウンロードを開始します。始まらないときは、下のボタンからダウンロードしてください。";
                    fileLink.hidden = false;
                    window.location.href = job.file;
                } else {
                    window.location.reload();
                }
            }).catch(function () { window.setTimeout(poll, 3000); });
        };
        window.setTimeout(poll, 1000);
    });

    // On a phone a list becomes one card per row (site.css): each cell shows the name of its column.
    document.querySelectorAll("table.toc, table.data-table").forEach(function (table) {
        var head = table.tHead && table.tHead.rows[0];
        if (!head) { return; }
        var names = [];
        Array.prototype.forEach.call(head.cells, function (cell) {
            for (var i = 0; i < cell.colSpan; i++) { names.push(cell.textContent.trim()); }
        });
        Array.prototype.forEach.call(table.tBodies, function (body) {
            Array.prototype.forEach.call(body.rows, function (row) {
                var column = 0;
                Array.prototype.forEach.call(row.cells, function (cell) {
                    if (!cell.hasAttribute("data-label") && names[column]) { cell.setAttribute("data-label", names[column]); }
                    column += cell.colSpan;
                });
            });
        });
    });

    // A refused form: its error summary takes the focus, and each of its links moves the focus to its field
    // (scrolled so that the field's label shows too). ADR 0025.
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
        summary.addEventListener("click", function (event) {
            var link = event.target.closest("a[href^='#']");
            var field = link && document.getElementById(link.getAttribute("href").slice(1));
            if (!field) { return; }
            event.preventDefault();
            var label = field.id ? document.querySelector("label[for='" + field.id + "']") : null;
            var group = field.closest("fieldset");
            (group || label || field).scrollIntoView();
            field.focus({ preventScroll: true });
        });
    }

    // The outcome of the last action is put into the page's status region once the page is there, so that a
    // screen reader announces it (a region that already holds its text when the page loads is not announced).
    var notice = document.querySelector("[data-notice]");
    var status = document.querySelector("[data-page-status]");
    if (notice && status) {
        window.setTimeout(function () { status.textContent = notice.textContent; }, 250);
    }

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
