// The year-end form's grade checks in the browser (ADR 0028). The server enforces the same rules on every path;
// this only warns early: a grade that contradicts the 実績値, a C without a 改善策, and the grade the plan's rule gives.
(function () {
    "use strict";

    var form = document.querySelector("form[data-grade-check]");
    if (!form) { return; }

    var target = parseFloat(form.getAttribute("data-target-value"));
    var atMost = form.getAttribute("data-target-direction") === "at-most";
    var unit = form.getAttribute("data-target-unit") || "";
    var ruleA = parseFloat(form.getAttribute("data-rule-a"));
    var ruleB = parseFloat(form.getAttribute("data-rule-b"));
    var actualInput = form.querySelector("#ActualValue");
    var explanation = form.querySelector("#GradeExplanation");
    var policy = form.querySelector("#NextYearPolicy");
    var warning = form.querySelector("[data-grade-warning]");
    var suggestion = form.querySelector("[data-grade-suggestion]");

    function readActual() {
        if (!actualInput) { return NaN; }
        var text = actualInput.value.trim()
            .replace(/[０-９]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
            .replace(/[，,]/g, "").replace(/．/g, ".");
        return text === "" || !/^\d+(\.\d+)?$/.test(text) ? NaN : parseFloat(text);
    }

    function grade() {
        var checked = form.querySelector("input[name='Grade']:checked");
        return checked ? checked.value : "";
    }

    function amount(value) { return value.toLocaleString("ja-JP") + unit; }

    function update() {
        var actual = readActual();
        var g = grade();
        var messages = [];
        var needsExplanation = false;
        if (!isNaN(target) && !isNaN(actual)) {
            var met = atMost ? actual <= target : actual >= target;
            var goal = amount(target) + (atMost ? "以下" : "以上");
            if (g === "A" && !met) {
                messages.push("評価はAですが、実績値（" + amount(actual) + "）は目標（" + goal + "）に届いていません。");
                needsExplanation = true;
            } else if (g === "C" && met) {
                messages.push("評価はCですが、実績値（" + amount(actual) + "）は目標（" + goal + "）を達成しています。");
                needsExplanation = true;
            }
            if (suggestion && !isNaN(ruleA) && !isNaN(ruleB)) {
                var rate = atMost ? (actual === 0 ? NaN : target / actual) : (target === 0 ? NaN : actual / target);
                suggestion.textContent = isNaN(rate) ? "" :
                    "実績値と評価基準からの目安：" + (rate >= ruleA ? "A" : rate >= ruleB ? "B" : "C") + "（達成率 " + (Math.round(rate * 1000) / 10) + "%）";
            }
        }
        if (needsExplanation) {
            messages.push("その評価とする理由を「評価の説明」に入力してください。");
        }
        if (explanation) {
            if (needsExplanation) { explanation.setAttribute("required", ""); } else { explanation.removeAttribute("required"); }
        }
        if (g === "C" && policy && policy.value.indexOf("改善策") < 0) {
            messages.push("評価がCのときは、取組方針に「改善策：」に続けて改善の内容を書いてください。");
        }
        if (warning) {
            warning.textContent = messages.join("");
            warning.hidden = messages.length === 0;
        }
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    update();
})();
