// Asks for confirmation before a destructive action: <button data-confirm="...">.
document.addEventListener('submit', function (event) {
    var submitter = event.submitter;
    var message = submitter && submitter.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});

// Long work (import checks) shows progress: the button is disabled and says what is happening.
document.addEventListener('submit', function (event) {
    var form = event.target;
    var message = form.getAttribute && form.getAttribute('data-busy');
    if (message && !event.defaultPrevented) {
        form.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
        var note = document.createElement('div');
        note.className = 'small text-muted mt-2';
        note.setAttribute('role', 'status');
        note.textContent = message;
        form.appendChild(note);
    }
});

// Copies the value of a field: <button data-copy="field-id" data-copied="Đã sao chép"> (the token page's secret).
document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-copy]');
    var field = button && document.getElementById(button.getAttribute('data-copy'));
    if (!field) {
        return;
    }

    field.select();
    var done = function () { button.textContent = button.getAttribute('data-copied') || button.textContent; };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand('copy'); done(); });
    } else {
        document.execCommand('copy');
        done();
    }
});

// Progress bars take their width from data-percent: set through the CSSOM, which the CSP (style-src 'self') allows,
// where an inline style attribute would be blocked.
document.querySelectorAll('.progress-bar[data-percent]').forEach(function (bar) {
    bar.style.width = bar.getAttribute('data-percent') + '%';
});
