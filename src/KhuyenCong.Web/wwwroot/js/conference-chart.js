// Plan vs executed per province on the conference report page (Chart.js, shipped in wwwroot/lib).
(function () {
    var canvas = document.getElementById('plan-vs-executed');
    if (!canvas || !window.Chart) {
        return;
    }

    var data = JSON.parse(canvas.getAttribute('data-chart'));
    var format = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    new window.Chart(canvas, {
        type: 'bar',
        data: {
            labels: data.labels,
            datasets: [
                { label: 'Kế hoạch (tỷ đồng)', data: data.plan, backgroundColor: '#c9a0a0' },
                { label: 'Thực hiện (tỷ đồng)', data: data.executed, backgroundColor: '#8b1a1a' }
            ]
        },
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + format.format(c.parsed.y); } } } },
            scales: { y: { ticks: { callback: function (v) { return format.format(v); } } } }
        }
    });
})();
