// The options every chart of the portal shares (Chart.js, shipped in wwwroot/lib): amounts in tỷ đồng, vi-VN
// separators, 3 decimals in tooltips, whole numbers on the axis (issue 13). Loaded before a page's own chart script.
(function () {
    var format = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    // The axis counts whole tỷ đồng: ticks at integers only (precision 0), printed without decimals.
    var whole = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

    window.KhuyenCongCharts = {
        // A fresh object per chart: Chart.js keeps and resolves the options it is given.
        options: function () {
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
    };
})();
