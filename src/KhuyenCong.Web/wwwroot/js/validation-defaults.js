// Settings for jQuery validation on the portal's forms, loaded after jquery.validate and before the unobtrusive
// script that applies them.
// No check when a field loses focus: the message that check removes shortens the form, so a "Lưu nháp" pressed
// right after fixing a field moved up under the pointer between mouse down and mouse up and the press was lost.
// A field already marked wrong is checked again as it is typed in or picked (keyup, click), and the whole form on
// submit, so nothing is missed; the server checks everything again in any case.
if (window.jQuery && window.jQuery.validator) {
    window.jQuery.validator.setDefaults({ onfocusout: false });
}
