// Charts of the home page (Chart.js, shipped in wwwroot/lib). The CSP forbids inline scripts, so each canvas carries
// its data in data-series: { labels: [...], series: [{ label, data: [...] }, ...] }, amounts in tỷ đồng, the same
// figures the table beside it prints; bars, one colour per series; the shared options are in chart-options.js.
(function () {
    if (!window.Chart || !window.KhuyenCongCharts) {
        return;
    }

    var colours = ['#c9a0a0', '#d9a441', '#8b1a1a'];
    document.querySelectorAll('canvas[data-series]').forEach(function (canvas) {
        var data = JSON.parse(canvas.getAttribute('data-series'));
        new window.Chart(canvas, {
            type: 'bar',
            data: {
                labels: data.labels,
                datasets: data.series.map(function (s, i) {
                    return { label: s.label + ' (tỷ đồng)', data: s.data, backgroundColor: colours[(colours.length - data.series.length + i) % colours.length] };
                })
            },
            options: window.KhuyenCongCharts.options()
        });
    });
})();
