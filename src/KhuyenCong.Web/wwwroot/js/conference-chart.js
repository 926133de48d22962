// Charts of the conference report page (Chart.js, shipped in wwwroot/lib). The CSP forbids inline scripts, so each
// canvas carries its data in an attribute: data-chart (plan vs executed per province, bars) or data-trend (the
// five-year trend: plan as bars, executed as a line). Amounts are tỷ đồng, printed with vi-VN separators
// (3 decimals in tooltips, whole numbers on the axis).
(function () {
    if (!window.Chart) {
        return;
    }

    var format = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    // The axis counts whole tỷ đồng: ticks at integers only (precision 0), printed without decimals.
    var whole = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
    // A fresh object per chart: Chart.js keeps and resolves the options it is given.
    function options() {
        return {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + format.format(c.parsed.y); } } } },
            scales: {
                y: {
                    beginAtZero: true,
                    title: { display: true, text: 'tỷ đồng' },
                    ticks: { precision: 0, callback: function (v) { return Number.isInteger(v) ? whole.format(v) : ''; } }
                }
            }
        };
    }

    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var data = JSON.parse(canvas.getAttribute('data-chart'));
        new window.Chart(canvas, {
            type: 'bar',
            data: {
                labels: data.labels,
                datasets: [
                    { label: 'Kế hoạch (tỷ đồng)', data: data.plan, backgroundColor: '#c9a0a0' },
                    { label: 'Thực hiện (tỷ đồng)', data: data.executed, backgroundColor: '#8b1a1a' }
                ]
            },
            options: options()
        });
    });

    document.querySelectorAll('canvas[data-trend]').forEach(function (canvas) {
        var data = JSON.parse(canvas.getAttribute('data-trend'));
        new window.Chart(canvas, {
            type: 'bar',
            data: {
                labels: data.labels,
                datasets: [
                    { type: 'line', label: 'Thực hiện đến cùng kỳ (tỷ đồng)', data: data.executed, borderColor: '#8b1a1a', backgroundColor: '#8b1a1a', order: 0 },
                    { type: 'bar', label: 'Kế hoạch (tỷ đồng)', data: data.plan, backgroundColor: '#c9a0a0', order: 1 }
                ]
            },
            options: options()
        });
    });
})();
