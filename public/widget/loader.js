/*
 * Vaultdesk chat widget loader. Embed with:
 *   <script src="https://APP/widget/loader.js" data-widget="WIDGET_ID" async></script>
 * SDK: Vaultdesk.identify({ externalId, name, email, traits, userHash }) -> Promise<{ verified }>,
 * Vaultdesk.open(), Vaultdesk.close(), Vaultdesk.toggle(),
 * Vaultdesk.on(name, fn) / Vaultdesk.off(name, fn) with name one of
 *   'ready', 'open', 'close', 'message' (agent or assistant message received), 'sent',
 *   'consent' ({ purpose, decision }), 'handoff', 'identify' ({ verified }), 'privacyRequest'.
 * Before the script loads, calls can be queued: window.Vaultdesk = { q: [['identify', {...}]] }.
 * The chat lives in a shadow root (host styles cannot reach it); the session
 * token is kept in localStorage, no cookies. Consent is asked with the exact
 * text and version stored by the workspace; Global Privacy Control is honoured.
 */
;(function () {
  var script = document.currentScript
  if (!script || window.Vaultdesk && window.Vaultdesk.loaded) return
  var widgetId = script.getAttribute('data-widget')
  var api = new URL('/widget/' + widgetId, script.src).href
  var storageKey = 'vaultdesk:' + widgetId
  var listeners = {}
  var gpc = navigator.globalPrivacyControl === true
  var state = { token: null, open: false, stream: null, seen: {}, settings: {}, consent: { purposes: [] }, handedOff: false, verified: false }
  var queued = (window.Vaultdesk && window.Vaultdesk.q) || []
  var TYPES = [
    ['access', 'See a copy of my data'],
    ['portability', 'Get my data in a portable format'],
    ['rectification', 'Correct my data'],
    ['erasure', 'Delete my data'],
    ['restriction', 'Restrict the use of my data'],
    ['objection', 'Object to the use of my data'],
  ]

  function emit(name, detail) {
    ;(listeners[name] || []).slice().forEach(function (fn) {
      try { fn(detail) } catch (e) {}
    })
  }

  function call(method, path, body) {
    return fetch(api + path, {
      method: method,
      headers: Object.assign({ 'content-type': 'application/json', accept: 'application/json' }, state.token ? { authorization: 'Bearer ' + state.token } : {}),
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (response) {
      return response.json().catch(function () { return {} }).then(function (data) {
        if (!response.ok) throw Object.assign(new Error(data.message || 'Request failed'), { status: response.status })
        return data
      })
    })
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag)
    for (var key in attrs || {}) node.setAttribute(key, attrs[key])
    if (text != null) node.textContent = text
    return node
  }

  var host = document.createElement('div')
  host.setAttribute('data-vaultdesk', '')
  var root = host.attachShadow({ mode: 'open' })
  root.innerHTML =
    '<style>' +
    ':host{all:initial;font:15px/1.4 system-ui,sans-serif;color:#1a1b1e}' +
    '.launcher{position:fixed;right:20px;bottom:20px;border:0;border-radius:999px;padding:12px 18px;color:#fff;font:inherit;font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.2)}' +
    '.panel{position:fixed;right:20px;bottom:80px;width:360px;max-width:calc(100vw - 24px);height:520px;max-height:calc(100vh - 110px);display:flex;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);overflow:hidden}' +
    '[hidden]{display:none!important}' +
    'header{display:flex;gap:6px;align-items:center;padding:12px 12px 12px 16px;color:#fff;font-weight:700}' +
    '.title{flex:1}' +
    '.close{background:none;border:0;color:#fff;font-size:22px;line-height:1;padding:0 4px;cursor:pointer}' +
    '.tools{display:flex;gap:6px;padding:6px 12px;border-bottom:1px solid #e9ecef}' +
    '.tools button{background:none;border:1px solid #ced4da;border-radius:999px;font:inherit;font-size:12px;padding:3px 10px;cursor:pointer;color:#343a40}' +
    '.sheet{padding:10px 14px;border-bottom:1px solid #e9ecef;background:#f8f9fa;overflow-y:auto;max-height:55%;font-size:14px}' +
    '.sheet h2{font-size:14px;margin:0 0 6px}' +
    'fieldset{border:1px solid #dee2e6;border-radius:8px;margin:0 0 8px;padding:8px 10px;background:#fff}' +
    'legend{font-weight:600;padding:0 4px}' +
    '.text{margin:2px 0 4px;white-space:pre-wrap}' +
    '.meta{color:#495057;font-size:12px;margin:0 0 6px}' +
    '.row{display:flex;gap:6px;flex-wrap:wrap}' +
    '.btn{border:1px solid #adb5bd;background:#fff;border-radius:6px;font:inherit;font-size:13px;padding:5px 10px;cursor:pointer;color:#1a1b1e}' +
    '.btn.primary{border:0;color:#fff}' +
    '.log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;margin:0;list-style:none}' +
    '.msg{max-width:85%;padding:8px 12px;border-radius:12px;background:#f1f3f5;white-space:pre-wrap;word-wrap:break-word}' +
    '.visitor{align-self:flex-end;color:#fff}' +
    '.assistant{background:#eef2ff}' +
    '.who{display:block;font-size:11px;font-weight:700;color:#495057;margin-bottom:2px}' +
    '.sources{margin:6px 0 0;padding:0;list-style:none;font-size:12px}' +
    '.sources a{color:#364fc7}' +
    '.status{margin:0;padding:0 12px;font-size:13px;color:#495057}' +
    '.handoff{margin:0 12px 6px;align-self:flex-start}' +
    'form.chat{display:flex;gap:8px;padding:10px;border-top:1px solid #e9ecef}' +
    'textarea,select{font:inherit;padding:8px;border:1px solid #ced4da;border-radius:8px;box-sizing:border-box}' +
    'form.chat textarea{flex:1;resize:none}' +
    '.privacy textarea,.privacy select{width:100%;margin:4px 0 6px}' +
    'button.send{border:0;border-radius:8px;color:#fff;font:inherit;padding:0 14px;cursor:pointer}' +
    ':focus-visible{outline:3px solid #4c6ef5;outline-offset:2px}' +
    '.error{color:#c92a2a;padding:0 12px;font-size:13px;margin:0}' +
    '@media (max-width:480px){.panel{right:0;bottom:0;width:100vw;max-width:100vw;height:100vh;max-height:100vh;border-radius:0}.launcher{right:12px;bottom:12px}}' +
    '</style>' +
    '<button class="launcher" type="button" aria-expanded="false" aria-controls="vd-panel">Chat with us</button>' +
    '<section class="panel" id="vd-panel" role="dialog" aria-label="Chat" hidden>' +
    '<header><span class="title"></span><button class="close" type="button" aria-label="Minimise chat">&times;</button></header>' +
    '<div class="tools" hidden><button class="choices" type="button" aria-expanded="false" aria-controls="vd-consent" hidden>Privacy choices</button>' +
    '<button class="dsr" type="button" aria-expanded="false" aria-controls="vd-privacy" hidden>Privacy request</button></div>' +
    '<section class="sheet consent" id="vd-consent" aria-label="Your privacy choices" hidden></section>' +
    '<section class="sheet privacy" id="vd-privacy" aria-label="Privacy request" hidden>' +
    '<h2>Privacy request</h2><form class="dsr-form"><label>What would you like us to do?<select name="type"></select></label>' +
    '<label>Details (optional)<textarea name="details" rows="2" maxlength="2000"></textarea></label>' +
    '<div class="row"><button class="btn primary" type="submit">Send request</button><button class="btn dsr-cancel" type="button">Cancel</button></div></form>' +
    '<p class="dsr-result" role="status"></p></section>' +
    '<ol class="log" aria-live="polite" aria-label="Conversation"></ol>' +
    '<p class="status" role="status"></p>' +
    '<button class="btn handoff" type="button" hidden>Talk to a person</button>' +
    '<p class="error" role="alert"></p>' +
    '<form class="chat"><textarea rows="2" aria-label="Your message" maxlength="4000"></textarea><button class="send" type="submit">Send</button></form>' +
    '</section>'
  function $(selector) { return root.querySelector(selector) }
  var launcher = $('.launcher')
  var panel = $('.panel')
  var log = $('.log')
  var errorBox = $('.error')
  var statusBox = $('.status')
  var input = $('form.chat textarea')
  var consentBox = $('.consent')
  var choicesButton = $('.choices')
  var privacyBox = $('.privacy')
  var dsrButton = $('.dsr')
  var handoffButton = $('.handoff')
  var typeSelect = $('select[name=type]')
  TYPES.forEach(function (type) { typeSelect.appendChild(el('option', { value: type[0] }, type[1])) })

  function show(message) {
    if (state.seen[message.id]) return
    state.seen[message.id] = true
    var item = el('li', { class: 'msg ' + message.from })
    if (message.from !== 'visitor') item.appendChild(el('span', { class: 'who' }, message.from === 'assistant' ? 'AI assistant' : 'Support team'))
    item.appendChild(document.createTextNode(message.body))
    if (message.from === 'visitor') item.style.background = state.color
    if (message.sources && message.sources.length) {
      var list = el('ol', { class: 'sources', 'aria-label': 'Sources' })
      message.sources.forEach(function (source) {
        var entry = el('li', null, '[' + source.number + '] ')
        entry.appendChild(source.url ? el('a', { href: source.url, target: '_blank', rel: 'noopener' }, source.title) : el('span', null, source.title))
        list.appendChild(entry)
      })
      item.appendChild(list)
    }
    log.appendChild(item)
    log.scrollTop = log.scrollHeight
    if (message.from !== 'visitor') emit('message', message)
  }

  function greet(text) {
    log.appendChild(el('li', { class: 'msg agent' }, text))
  }

  function listen() {
    if (state.stream) state.stream.close()
    state.stream = new EventSource(api + '/events?token=' + encodeURIComponent(state.token))
    state.stream.addEventListener('message', function (event) { show(JSON.parse(event.data)) })
  }

  function setHandedOff(value) {
    state.handedOff = value
    handoffButton.hidden = !state.settings.aiEnabled || value
  }

  function setVerified(value) {
    state.verified = value
    dsrButton.hidden = !value
    showTools()
  }

  function showTools() {
    $('.tools').hidden = dsrButton.hidden && choicesButton.hidden
  }

  // Consent: one fieldset per purpose, with the exact text and version; giving and withdrawing are one click each.
  function renderConsent(consent) {
    state.consent = consent || { purposes: [] }
    var purposes = state.consent.purposes
    consentBox.textContent = ''
    choicesButton.hidden = !purposes.length
    showTools()
    if (!purposes.length) return
    consentBox.appendChild(el('h2', null, 'Your privacy choices'))
    if (state.consent.gpc) {
      consentBox.appendChild(el('p', { class: 'meta gpc' }, 'Your browser sends the Global Privacy Control signal, so we did not ask: we recorded “no” for the purposes below.'))
    }
    purposes.forEach(function (purpose) {
      var box = el('fieldset', { 'data-purpose': purpose.key })
      box.appendChild(el('legend', null, purpose.name))
      box.appendChild(el('p', { class: 'text' }, purpose.text))
      var label = purpose.decision === 'grant' ? 'Allowed' : purpose.decision === 'refuse' ? 'Refused (Global Privacy Control)' : purpose.decision === 'withdraw' ? 'Not allowed' : 'Not chosen yet'
      box.appendChild(el('p', { class: 'meta' }, 'Version ' + purpose.version + ' · ' + label))
      var row = el('div', { class: 'row' })
      if (purpose.decision !== 'grant' && !state.consent.gpc) row.appendChild(consentButton(purpose, 'grant', 'Allow', true))
      if (purpose.decision === 'grant') row.appendChild(consentButton(purpose, 'withdraw', 'Withdraw consent'))
      else if (!purpose.decision) row.appendChild(consentButton(purpose, 'withdraw', 'No, thanks'))
      box.appendChild(row)
      consentBox.appendChild(box)
    })
  }

  function consentButton(purpose, decision, text, primary) {
    var button = el('button', { type: 'button', class: 'btn' + (primary ? ' primary' : ''), 'aria-label': text + ': ' + purpose.name }, text)
    if (primary) button.style.background = state.color
    button.addEventListener('click', function () {
      errorBox.textContent = ''
      call('POST', '/consent', { purpose: purpose.key, decision: decision, textHash: purpose.textHash, gpc: gpc })
        .then(function (result) {
          renderConsent(result.consent)
          statusBox.textContent = result.message
          emit('consent', { purpose: purpose.key, decision: result.decision, version: purpose.version })
          if (undecided()) focusConsent()
          else if (state.open) { toggleSheet(consentBox, choicesButton, false); input.focus() }
        })
        .catch(function (error) { errorBox.textContent = error.message })
    })
    return button
  }

  function undecided() {
    return !state.consent.gpc && state.consent.purposes.some(function (purpose) { return !purpose.decision })
  }

  function focusConsent() {
    var first = consentBox.querySelector('button')
    if (first) first.focus()
  }

  function toggleSheet(sheet, button, open) {
    sheet.hidden = !open
    button.setAttribute('aria-expanded', String(open))
  }

  function applySettings() {
    state.settings = JSON.parse(localStorage.getItem(storageKey + ':widget') || '{}')
    state.color = state.settings.color || '#4c6ef5'
    ;[launcher, $('header'), $('button.send'), $('.dsr-form .primary')].forEach(function (node) { node.style.background = state.color })
    $('.title').textContent = state.settings.name || 'Chat'
  }

  function start() {
    state.token = localStorage.getItem(storageKey)
    var resume = state.token
      ? call('GET', '/messages').then(function (history) {
          return call('GET', '/consent' + (gpc ? '?gpc=1' : '')).then(function (consent) { history.consent = consent; return history })
        })
      : Promise.reject()
    return resume
      .catch(function () {
        state.token = null
        return call('POST', '/sessions', { gpc: gpc }).then(function (session) {
          state.token = session.token
          localStorage.setItem(storageKey, session.token)
          localStorage.setItem(storageKey + ':widget', JSON.stringify(session.widget))
          return { messages: [], consent: session.consent }
        })
      })
      .then(function (history) {
        applySettings()
        greet(state.settings.greeting || 'Hello! How can we help?')
        setHandedOff(Boolean(history.handedOff))
        setVerified(Boolean(history.verified))
        renderConsent(history.consent)
        toggleSheet(consentBox, choicesButton, undecided() || Boolean(state.consent.gpc && state.consent.purposes.length && !history.messages.length))
        // A visitor who opened the chat before the session arrived is taken to the choice now.
        if (state.open && !consentBox.hidden && undecided()) focusConsent()
        history.messages.forEach(show)
        listen()
        emit('ready', { consent: state.consent })
      })
  }

  function setOpen(open) {
    if (state.open === open) return
    state.open = open
    panel.hidden = !open
    launcher.setAttribute('aria-expanded', String(open))
    launcher.textContent = open ? 'Close chat' : 'Chat with us'
    if (open) {
      if (!consentBox.hidden && undecided()) focusConsent()
      else input.focus()
    }
    emit(open ? 'open' : 'close', {})
  }

  launcher.addEventListener('click', function () { setOpen(!state.open) })
  $('.close').addEventListener('click', function () { setOpen(false); launcher.focus() })
  panel.addEventListener('keydown', function (event) { if (event.key === 'Escape') { setOpen(false); launcher.focus() } })
  choicesButton.addEventListener('click', function () {
    toggleSheet(consentBox, choicesButton, consentBox.hidden)
    if (!consentBox.hidden) focusConsent()
  })
  dsrButton.addEventListener('click', function () {
    toggleSheet(privacyBox, dsrButton, privacyBox.hidden)
    $('.dsr-form').hidden = false
    $('.dsr-result').textContent = ''
    if (!privacyBox.hidden) typeSelect.focus()
  })
  $('.dsr-cancel').addEventListener('click', function () { toggleSheet(privacyBox, dsrButton, false); dsrButton.focus() })
  $('.dsr-form').addEventListener('submit', function (event) {
    event.preventDefault()
    var result = $('.dsr-result')
    var details = $('.privacy textarea').value.trim()
    result.textContent = ''
    call('POST', '/privacy-requests', details ? { type: typeSelect.value, details: details } : { type: typeSelect.value })
      .then(function (answer) {
        result.textContent = answer.message + ' Reference: ' + answer.reference + '. '
        result.appendChild(el('a', { href: answer.statusUrl, target: '_blank', rel: 'noopener' }, 'Follow your request'))
        $('.privacy textarea').value = ''
        // The answer replaces the form, so it fits on small screens.
        $('.dsr-form').hidden = true
        emit('privacyRequest', { reference: answer.reference, statusUrl: answer.statusUrl })
      })
      .catch(function (error) { result.textContent = error.message })
  })
  handoffButton.addEventListener('click', function () {
    call('POST', '/handoff')
      .then(function (result) { setHandedOff(true); statusBox.textContent = result.message; emit('handoff', {}) })
      .catch(function (error) { errorBox.textContent = error.message })
  })
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); $('form.chat').requestSubmit() }
  })
  $('form.chat').addEventListener('submit', function (event) {
    event.preventDefault()
    var body = input.value.trim()
    if (!body) return
    errorBox.textContent = ''
    statusBox.textContent = state.settings.aiEnabled && !state.handedOff ? 'The assistant is looking for an answer…' : ''
    input.value = ''
    call('POST', '/messages', { body: body })
      .then(function (result) {
        show(result.message)
        emit('sent', result.message)
        if (result.answer) show(result.answer)
        statusBox.textContent = ''
        if (result.handedOff && !state.handedOff) statusBox.textContent = 'A person from our team will reply here as soon as possible.'
        setHandedOff(Boolean(result.handedOff))
      })
      .catch(function (error) { input.value = body; statusBox.textContent = ''; errorBox.textContent = error.message })
  })

  var ready = start()
  var sdk = {
    loaded: true,
    identify: function (claim) {
      return ready.then(function () { return call('POST', '/identify', claim) }).then(function (result) {
        setVerified(Boolean(result.verified))
        emit('identify', { verified: Boolean(result.verified) })
        // Choices may now be the identified person's earlier ones.
        return call('GET', '/consent' + (gpc ? '?gpc=1' : '')).then(function (consent) { renderConsent(consent); return result })
      })
    },
    open: function () { setOpen(true) },
    close: function () { setOpen(false) },
    toggle: function () { setOpen(!state.open) },
    on: function (name, fn) { (listeners[name] = listeners[name] || []).push(fn) },
    off: function (name, fn) { listeners[name] = (listeners[name] || []).filter(function (other) { return other !== fn }) },
    consent: function () { return state.consent },
  }
  window.Vaultdesk = sdk
  queued.forEach(function (args) { sdk[args[0]].apply(sdk, args.slice(1)) })
  document.body.appendChild(host)
})()
