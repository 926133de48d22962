// The beneficiary picker of the project form (docs/domain.md §12): typing two letters or three digits in a line's name
// or tax code asks the registry (GET /Establishments?handler=Lookup&q=…, the user's scope only) and offers what it
// finds in the shared <datalist>; choosing one fills the line (name, tax code, type, commune, flags) and its hidden
// EstablishmentId. Typing over a filled line forgets the link, and the server links the line by its tax code or name as
// it does without this script (the linker). No inline script or style: the CSP allows neither.
(function () {
    'use strict';

    var form = document.querySelector('[data-establishment-lookup-url]');
    var list = document.getElementById('establishment-options');
    if (!form || !list) {
        return;
    }

    var url = form.getAttribute('data-establishment-lookup-url');
    var found = {};
    var timer = null;
    var asked = '';

    function optionText(e) {
        return e.name + ' [' + (e.taxCode || e.portalCode) + ']';
    }

    function field(row, suffix) {
        return row.querySelector('[name$="].' + suffix + '"]');
    }

    function fill(row, e) {
        field(row, 'Name').value = e.name;
        field(row, 'TaxCode').value = e.taxCode || '';
        field(row, 'Commune').value = e.commune;
        field(row, 'Type').value = e.type;
        field(row, 'WomenOwned').checked = e.womenOwned;
        field(row, 'EthnicMinorityEmployer').checked = e.ethnicMinorityEmployer;
        field(row, 'PriorityArea').checked = e.priorityArea;
        field(row, 'EstablishmentId').value = String(e.id);
        var status = row.querySelector('[data-establishment-status]');
        if (status) {
            status.textContent = 'Đã chọn cơ sở trong sổ: ' + (e.taxCode || e.portalCode) + ', ' + e.province;
        }
    }

    function forget(row) {
        var id = field(row, 'EstablishmentId');
        if (id && id.value) {
            id.value = '';
            var status = row.querySelector('[data-establishment-status]');
            if (status) {
                status.textContent = '';
            }
        }
    }

    function ask(text) {
        if (text === asked) {
            return;
        }

        asked = text;
        fetch(url + '&q=' + encodeURIComponent(text), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
            .then(function (r) { return r.ok ? r.json() : []; })
            .then(function (items) {
                found = {};
                list.replaceChildren();
                items.forEach(function (e) {
                    var text = optionText(e);
                    found[text] = e;
                    var option = document.createElement('option');
                    option.value = text;
                    option.label = [e.commune, e.province].join(', ');
                    list.appendChild(option);
                });
            })
            .catch(function () { /* the form works without the picker */ });
    }

    form.addEventListener('input', function (event) {
        var input = event.target;
        if (!input.matches || !input.matches('[data-establishment-lookup]')) {
            if (input.closest && input.closest('[data-row]') && input.matches('[name$="].Commune"]')) {
                forget(input.closest('[data-row]'));
            }

            return;
        }

        var row = input.closest('[data-row]');
        var chosen = found[input.value];
        if (chosen) {
            fill(row, chosen);
            return;
        }

        forget(row);
        var text = input.value.trim();
        clearTimeout(timer);
        if (text.length >= 2) {
            timer = setTimeout(function () { ask(text); }, 250);
        }
    });
})();
