// Rows that grow and shrink in a form (the project form's contents, beneficiaries and indicators).
// Markup: <div data-rows="Contents"> holds rows <div data-row>; a button data-add-row="Contents" adds one, a button
// data-remove-row in a row removes it. Without this script the same buttons post the form back and the server shows
// it again with the row added or removed; with it, the page does that itself: a new row is a copy of the last one,
// emptied, and every row's field names are renumbered (Input.Contents[0].TotalCost, [1], ...) so that model binding
// reads them in order. No inline script or style: the CSP allows neither.
(function () {
    'use strict';

    function escape(text) {
        return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }

    function renumber(section) {
        var name = section.getAttribute('data-rows');
        var prefix = 'Input.' + name;
        var idPrefix = 'Input_' + name + '_';
        var namePattern = new RegExp('^(' + escape(prefix) + ')\\[\\d+\\]');
        var idPattern = new RegExp('^(' + escape(idPrefix) + ')\\d+(__)');
        section.querySelectorAll('[data-row]').forEach(function (row, index) {
            row.querySelectorAll('*').forEach(function (el) {
                ['name', 'data-valmsg-for'].forEach(function (attr) {
                    var value = el.getAttribute(attr);
                    if (value) {
                        el.setAttribute(attr, value.replace(namePattern, '$1[' + index + ']'));
                    }
                });
                ['id', 'for', 'aria-describedby'].forEach(function (attr) {
                    var value = el.getAttribute(attr);
                    if (value) {
                        el.setAttribute(attr, value.replace(idPattern, '$1' + index + '$2'));
                    }
                });
                var label = el.getAttribute('aria-label');
                if (label) {
                    el.setAttribute('aria-label', label.replace(/\d+$/, String(index + 1)));
                }

                if (el.hasAttribute('data-remove-row')) {
                    el.value = name + ':' + index;
                }
            });
        });
    }

    function empty(row) {
        row.querySelectorAll('input, select, textarea').forEach(function (field) {
            if (field.type === 'checkbox' || field.type === 'radio') {
                field.checked = false;
            } else if (field.tagName === 'SELECT') {
                // A select with a default (a beneficiary's type) starts there, as the server's empty row does.
                if (field.hasAttribute('data-default')) {
                    field.value = field.getAttribute('data-default');
                } else {
                    field.selectedIndex = 0;
                }
            } else {
                field.value = '';
            }

            field.classList.remove('input-validation-error', 'is-invalid', 'valid');
            field.removeAttribute('aria-invalid');
            field.removeAttribute('aria-describedby');
        });
        row.querySelectorAll('[data-valmsg-for]').forEach(function (message) {
            message.textContent = '';
            message.classList.remove('field-validation-error');
            message.classList.add('field-validation-valid');
        });
    }

    // jQuery unobtrusive validation reads the fields once: after a change it reads them again.
    function revalidate(form) {
        var $ = window.jQuery;
        if ($ && $.validator && $.validator.unobtrusive) {
            $(form).removeData('validator').removeData('unobtrusiveValidation');
            $.validator.unobtrusive.parse(form);
        }
    }

    document.addEventListener('click', function (event) {
        var target = event.target.closest && event.target.closest('[data-add-row], [data-remove-row]');
        if (!target) {
            return;
        }

        var form = target.form;
        var section = target.hasAttribute('data-add-row')
            ? form && form.querySelector('[data-rows="' + target.getAttribute('data-add-row') + '"]')
            : target.closest('[data-rows]');
        if (!section) {
            return;
        }

        event.preventDefault();
        var rows = section.querySelectorAll('[data-row]');
        var focus;
        if (target.hasAttribute('data-add-row')) {
            var row = rows[rows.length - 1].cloneNode(true);
            empty(row);
            section.appendChild(row);
            focus = row.querySelector('input, select');
        } else if (rows.length > 1) {
            var gone = target.closest('[data-row]');
            var next = gone.nextElementSibling || gone.previousElementSibling;
            section.removeChild(gone);
            focus = next && next.querySelector('input, select');
        } else {
            // The last row stays, emptied: a blank row is not saved.
            empty(rows[0]);
            focus = rows[0].querySelector('input, select');
        }

        renumber(section);
        revalidate(form);
        if (focus) {
            focus.focus();
        }
    });
}());
