// Draws the 評価集計 charts from the JSON block on the page. The tables beside them are the accessible source;
// the canvases are aria-hidden and show the same numbers.
(function () {
    "use strict";

    var source = document.getElementById("summary-chart-data");
    if (!source || typeof window.Chart === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var style = getComputedStyle(document.documentElement);
    function color(name, fallback) { return (style.getPropertyValue(name) || "").trim() || fallback; }
    var colors = {
        A: color("--grade-a", "#2e7d32"),
        B: color("--grade-b", "#1565c0"),
        C: color("--grade-c", "#c62828"),
        none: "#9e9e9e"
    };
    var gradeOrder = ["A", "B", "C", "none"];
    var font = { family: getComputedStyle(document.body).fontFamily };
    window.Chart.defaults.font.family = font.family;
    window.Chart.defaults.animation = false;

    data.charts.forEach(function (chart) {
        var canvas = document.getElementById(chart.id);
        if (!canvas) { return; }
        var config;
        if (chart.kind === "doughnut") {
            config = {
                type: "doughnut",
                data: { labels: chart.labels, datasets: [{ data: chart.values, backgroundColor: gradeOrder.map(function (k) { return colors[k]; }) }] },
                options: { maintainAspectRatio: false, plugins: { legend: { position: "right" } } }
            };
        } else if (chart.kind === "stacked") {
            config = {
                type: "bar",
                data: {
                    labels: chart.labels,
                    datasets: chart.series.map(function (s) { return { label: s.label, data: s.values, backgroundColor: colors[s.key] }; })
                },
                options: {
                    indexAxis: "y",
                    maintainAspectRatio: false,
                    scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } },
                    plugins: { legend: { position: "top" } }
                }
            };
        } else if (chart.kind === "targets") {
            config = {
                type: "line",
                data: {
                    labels: chart.labels,
                    datasets: chart.series.map(function (s) {
                        var c = s.key === "target" ? "#9e9e9e" : "#1f3a5f";
                        return { label: s.label, data: s.values, borderColor: c, backgroundColor: c, borderDash: s.key === "target" ? [6, 4] : [], spanGaps: true };
                    })
                },
                options: { maintainAspectRatio: false, plugins: { legend: { position: "top" } } }
            };
        } else {
            config = {
                type: "bar",
                data: { labels: chart.labels, datasets: [{ label: "計画数", data: chart.values, backgroundColor: "#1f3a5f" }] },
                options: { maintainAspectRatio: false, scales: { y: { ticks: { precision: 0 } } }, plugins: { legend: { display: false } } }
            };
        }

        new window.Chart(canvas, config);
    });
}());
