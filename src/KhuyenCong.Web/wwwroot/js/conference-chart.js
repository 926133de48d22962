// Charts of the conference report page (Chart.js, shipped in wwwroot/lib). The CSP forbids inline scripts, so each
// canvas carries its data in an attribute: data-chart (plan vs executed per province, bars) or data-trend (the
// five-year trend: plan as bars, executed as a line). The shared options are in chart-options.js.
(function () {
    if (!window.Chart || !window.KhuyenCongCharts) {
        return;
    }

    var options = window.KhuyenCongCharts.options;

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
