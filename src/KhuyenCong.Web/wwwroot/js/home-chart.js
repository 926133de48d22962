// Charts of the home page (Chart.js, shipped in wwwroot/lib). The CSP forbids inline scripts, so each canvas carries
// its data in data-series: { labels: [...], series: [{ label, data: [...] }, ...] }, amounts in tỷ đồng, the same
// figures the table beside it prints; bars, one colour per series, vi-VN separators.
(function () {
    if (!window.Chart) {
        return;
    }

    var colours = ['#c9a0a0', '#d9a441', '#8b1a1a'];
    var format = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

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
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + format.format(c.parsed.y); } } } },
                scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return format.format(v); } } } }
            }
        });
    });
})();
