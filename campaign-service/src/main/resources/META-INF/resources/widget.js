/*! hostreach website widget: an accessible contact form that sends a visitor's request to the agency.
 * <div id="contact"></div>
 * <script src="https://api.example.com/widget.js" data-widget-key="wk_…" data-target="#contact" async></script>
 * data-widget-key (required) the workspace's public widget key
 * data-api-base   (optional) where the API lives; default: the origin this script came from
 * data-target     (optional) CSS selector of the element to render into; default: right after the script
 * data-title, data-submit-label, data-success-message (optional) texts
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) { return; }
  var key = script.getAttribute('data-widget-key');
  var base = script.getAttribute('data-api-base') || new URL(script.src, location.href).origin;
  base = base.replace(/\/+$/, '');
  var target = script.getAttribute('data-target');
  var texts = {
    title: script.getAttribute('data-title') || 'Tell us about your property',
    submit: script.getAttribute('data-submit-label') || 'Send',
    sending: 'Sending…',
    success: script.getAttribute('data-success-message') || 'Thank you! We have received your request and will contact you soon.',
    invalid: 'Please correct the highlighted fields.',
    failed: 'Sorry, your request could not be sent. Please try again later.',
    unavailable: 'This form is not available right now.'
  };
  var fields = [
    { name: 'name', label: 'Name', type: 'text', required: true, autocomplete: 'name', max: 100 },
    { name: 'phone', label: 'Phone', type: 'tel', required: true, autocomplete: 'tel', max: 32 },
    { name: 'email', label: 'Email (optional)', type: 'email', autocomplete: 'email', max: 254 },
    { name: 'message', label: 'Message (optional)', type: 'textarea', max: 2000 }
  ];
  var counter = 0;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (attrs[name] !== undefined && attrs[name] !== null && attrs[name] !== false) {
        node.setAttribute(name, attrs[name] === true ? '' : attrs[name]);
      }
    });
    if (text) { node.textContent = text; }
    return node;
  }

  function style() {
    if (document.getElementById('hrw-style')) { return; }
    var css = '.hrw{font:inherit;max-width:28rem}.hrw-field{margin:0 0 .75rem}.hrw label{display:block;font-weight:600;margin-bottom:.25rem}' +
      '.hrw input[type=text],.hrw input[type=tel],.hrw input[type=email],.hrw textarea{box-sizing:border-box;width:100%;padding:.5rem;border:1px solid #767676;border-radius:4px;font:inherit}' +
      '.hrw [aria-invalid=true]{border-color:#b00020}.hrw-error{color:#b00020;margin:.25rem 0 0;font-size:.9em}' +
      '.hrw-consent{display:flex;gap:.5rem;align-items:flex-start}.hrw-consent label{font-weight:400}' +
      '.hrw button{padding:.6rem 1.2rem;border:0;border-radius:4px;background:#0b5fff;color:#fff;font:inherit;cursor:pointer}' +
      '.hrw button[disabled]{opacity:.6;cursor:default}.hrw :focus-visible{outline:3px solid #ffbf47;outline-offset:2px}' +
      '.hrw-hp{position:absolute!important;left:-10000px!important;width:1px;height:1px;overflow:hidden}' +
      '.hrw-status{margin-top:.75rem}.hrw-status.hrw-ok{color:#11632b;font-weight:600}.hrw-status.hrw-bad{color:#b00020}';
    var tag = el('style', { id: 'hrw-style' });
    tag.textContent = css;
    document.head.appendChild(tag);
  }

  function request(method, path, body) {
    return fetch(base + '/v1/public/v1/widget/' + encodeURIComponent(key) + path, {
      method: method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      credentials: 'omit',
      mode: 'cors'
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        return { status: response.status, body: json };
      });
    });
  }

  function render(host) {
    var id = 'hrw-' + (++counter);
    var form = el('form', { 'class': 'hrw', novalidate: true, 'aria-labelledby': id + '-title' });
    form.appendChild(el('h2', { id: id + '-title' }, texts.title));
    var inputs = {};
    var errors = {};
    fields.forEach(function (f) {
      var wrap = el('div', { 'class': 'hrw-field' });
      var inputId = id + '-' + f.name;
      wrap.appendChild(el('label', { 'for': inputId }, f.label));
      var input = f.type === 'textarea'
        ? el('textarea', { id: inputId, name: f.name, rows: 4, maxlength: f.max })
        : el('input', { id: inputId, name: f.name, type: f.type, autocomplete: f.autocomplete, maxlength: f.max,
          required: f.required, 'aria-required': f.required ? 'true' : null });
      var error = el('p', { id: inputId + '-error', 'class': 'hrw-error', hidden: true });
      input.setAttribute('aria-describedby', error.id);
      wrap.appendChild(input);
      wrap.appendChild(error);
      form.appendChild(wrap);
      inputs[f.name] = input;
      errors[f.name] = error;
    });
    // The honeypot: hidden from people and assistive technology, filled only by robots.
    var hp = el('div', { 'class': 'hrw-hp', 'aria-hidden': 'true' });
    hp.appendChild(el('label', { 'for': id + '-website' }, 'Website'));
    hp.appendChild(el('input', { id: id + '-website', name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off' }));
    form.appendChild(hp);
    var consentWrap = el('div', { 'class': 'hrw-field' });
    var consentRow = el('div', { 'class': 'hrw-consent' });
    var consent = el('input', { id: id + '-consent', name: 'consent', type: 'checkbox', required: true, 'aria-required': 'true' });
    var consentLabel = el('label', { 'for': consent.id });
    var consentError = el('p', { id: consent.id + '-error', 'class': 'hrw-error', hidden: true });
    consent.setAttribute('aria-describedby', consentError.id);
    consentRow.appendChild(consent);
    consentRow.appendChild(consentLabel);
    consentWrap.appendChild(consentRow);
    consentWrap.appendChild(consentError);
    form.appendChild(consentWrap);
    inputs.consent = consent;
    errors.consent = consentError;
    var button = el('button', { type: 'submit', disabled: true }, texts.submit);
    form.appendChild(button);
    var status = el('div', { 'class': 'hrw-status', role: 'status', 'aria-live': 'polite' });
    form.appendChild(status);
    host.appendChild(form);

    function say(text, kind) {
      status.textContent = text;
      status.className = 'hrw-status' + (kind ? ' hrw-' + kind : '');
    }

    function clearErrors() {
      Object.keys(errors).forEach(function (name) {
        errors[name].hidden = true;
        errors[name].textContent = '';
        inputs[name].removeAttribute('aria-invalid');
      });
    }

    function showErrors(list) {
      var first = null;
      list.forEach(function (e) {
        var name = (e.field || '').split(/[.[]/)[0];
        if (errors[name]) {
          errors[name].textContent = e.message;
          errors[name].hidden = false;
          inputs[name].setAttribute('aria-invalid', 'true');
          first = first || inputs[name];
        }
      });
      if (first) { first.focus(); }
      return first !== null;
    }

    request('GET', '/config').then(function (r) {
      if (r.status !== 200 || !r.body) { throw new Error('config ' + r.status); }
      consentLabel.textContent = r.body.consentText;
      button.disabled = false;
    }).catch(function () {
      say(texts.unavailable, 'bad');
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearErrors();
      var local = [];
      if (!inputs.name.value.trim()) { local.push({ field: 'name', message: 'Please enter your name.' }); }
      if (!inputs.phone.value.trim()) { local.push({ field: 'phone', message: 'Please enter your phone number.' }); }
      if (!consent.checked) { local.push({ field: 'consent', message: 'Please agree to be contacted.' }); }
      if (local.length) {
        showErrors(local);
        say(texts.invalid, 'bad');
        return;
      }
      var body = { name: inputs.name.value.trim(), phone: inputs.phone.value.trim(), consent: true, pageUrl: location.href.slice(0, 2048) };
      if (inputs.email.value.trim()) { body.email = inputs.email.value.trim(); }
      if (inputs.message.value.trim()) { body.message = inputs.message.value.trim(); }
      var trap = form.querySelector('[name=website]').value;
      if (trap) { body.website = trap; }
      button.disabled = true;
      form.setAttribute('aria-busy', 'true');
      say(texts.sending);
      request('POST', '/leads', body).then(function (r) {
        if (r.status === 202) {
          var done = el('p', { 'class': 'hrw-status hrw-ok', role: 'status', tabindex: '-1' }, texts.success);
          form.replaceWith(done);
          done.focus();
          return;
        }
        var details = r.body && r.body.details ? r.body.details : [];
        if (r.status === 400 && !details.length && r.body && r.body.message) {
          details = [{ field: (r.body.message.match(/^(\w+)/) || [])[1], message: r.body.message }];
        }
        if (r.status === 400 && showErrors(details)) {
          say(texts.invalid, 'bad');
        } else {
          say(r.body && r.body.message && r.status !== 500 ? r.body.message : texts.failed, 'bad');
        }
      }).catch(function () {
        say(texts.failed, 'bad');
      }).then(function () {
        if (form.isConnected) {
          button.disabled = false;
          form.removeAttribute('aria-busy');
        }
      });
    });
  }

  function mount() {
    var host = target ? document.querySelector(target) : null;
    if (!host) {
      host = el('div');
      script.parentNode.insertBefore(host, script.nextSibling);
    }
    if (!key) {
      host.appendChild(el('p', { role: 'alert' }, 'hostreach widget: data-widget-key is missing.'));
      return;
    }
    style();
    render(host);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mount);
  } else {
    mount();
  }
}());
