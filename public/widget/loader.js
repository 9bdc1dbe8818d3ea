/*
 * Vaultdesk chat widget loader. Embed with:
 *   <script src="https://APP/widget/loader.js" data-widget="WIDGET_ID" async></script>
 * SDK: Vaultdesk.identify({ externalId, name, email, userHash }), Vaultdesk.open(),
 * Vaultdesk.close(), Vaultdesk.on('message' | 'open' | 'close' | 'ready', fn).
 * The chat lives in a shadow root (host styles cannot reach it); the session
 * token is kept in localStorage, no cookies.
 */
;(function () {
  var script = document.currentScript
  if (!script || window.Vaultdesk && window.Vaultdesk.loaded) return
  var widgetId = script.getAttribute('data-widget')
  var api = new URL('/widget/' + widgetId, script.src).href
  var storageKey = 'vaultdesk:' + widgetId
  var listeners = {}
  var state = { token: null, open: false, stream: null, seen: {} }
  var queued = (window.Vaultdesk && window.Vaultdesk.q) || []

  function emit(name, detail) {
    ;(listeners[name] || []).forEach(function (fn) {
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

  var host = document.createElement('div')
  host.setAttribute('data-vaultdesk', '')
  var root = host.attachShadow({ mode: 'open' })
  root.innerHTML =
    '<style>' +
    ':host{all:initial;font:15px/1.4 system-ui,sans-serif;color:#1a1b1e}' +
    '.launcher{position:fixed;right:20px;bottom:20px;border:0;border-radius:999px;padding:12px 18px;color:#fff;font:inherit;font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.2)}' +
    '.panel{position:fixed;right:20px;bottom:80px;width:360px;max-width:calc(100vw - 24px);height:480px;max-height:calc(100vh - 110px);display:flex;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);overflow:hidden}' +
    '.panel[hidden]{display:none}' +
    'header{display:flex;justify-content:space-between;align-items:center;padding:12px 16px;color:#fff;font-weight:700}' +
    '.close{background:none;border:0;color:#fff;font-size:22px;line-height:1;cursor:pointer}' +
    '.log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;margin:0;list-style:none}' +
    '.msg{max-width:80%;padding:8px 12px;border-radius:12px;background:#f1f3f5;white-space:pre-wrap;word-wrap:break-word}' +
    '.visitor{align-self:flex-end;color:#fff}' +
    'form{display:flex;gap:8px;padding:10px;border-top:1px solid #e9ecef}' +
    'textarea{flex:1;resize:none;font:inherit;padding:8px;border:1px solid #ced4da;border-radius:8px}' +
    'button.send{border:0;border-radius:8px;color:#fff;font:inherit;padding:0 14px;cursor:pointer}' +
    ':focus-visible{outline:3px solid #4c6ef5;outline-offset:2px}' +
    '.error{color:#c92a2a;padding:0 12px;font-size:13px}' +
    '@media (max-width:480px){.panel{right:0;bottom:0;width:100vw;max-width:100vw;height:100vh;max-height:100vh;border-radius:0}}' +
    '</style>' +
    '<button class="launcher" type="button" aria-expanded="false" aria-controls="vd-panel">Chat with us</button>' +
    '<section class="panel" id="vd-panel" role="dialog" aria-label="Chat" hidden>' +
    '<header><span class="title"></span><button class="close" type="button" aria-label="Minimise chat">&times;</button></header>' +
    '<ol class="log" aria-live="polite" aria-label="Conversation"></ol>' +
    '<p class="error" role="alert"></p>' +
    '<form><textarea rows="2" aria-label="Your message" maxlength="4000"></textarea><button class="send" type="submit">Send</button></form>' +
    '</section>'
  var launcher = root.querySelector('.launcher')
  var panel = root.querySelector('.panel')
  var log = root.querySelector('.log')
  var errorBox = root.querySelector('.error')
  var input = root.querySelector('textarea')

  function show(message) {
    if (state.seen[message.id]) return
    state.seen[message.id] = true
    var item = document.createElement('li')
    item.className = 'msg ' + message.from
    item.textContent = message.body
    if (message.from === 'visitor') item.style.background = state.color
    log.appendChild(item)
    log.scrollTop = log.scrollHeight
    if (message.from === 'agent') emit('message', message)
  }

  function greet(text) {
    var item = document.createElement('li')
    item.className = 'msg agent'
    item.textContent = text
    log.appendChild(item)
  }

  function listen() {
    if (state.stream) state.stream.close()
    state.stream = new EventSource(api + '/events?token=' + encodeURIComponent(state.token))
    state.stream.addEventListener('message', function (event) { show(JSON.parse(event.data)) })
  }

  function start() {
    state.token = localStorage.getItem(storageKey)
    var resume = state.token ? call('GET', '/messages') : Promise.reject()
    return resume
      .catch(function () {
        state.token = null
        return call('POST', '/sessions').then(function (session) {
          state.token = session.token
          localStorage.setItem(storageKey, session.token)
          localStorage.setItem(storageKey + ':widget', JSON.stringify(session.widget))
          return { messages: [] }
        })
      })
      .then(function (history) {
        var settings = JSON.parse(localStorage.getItem(storageKey + ':widget') || '{}')
        state.color = settings.color || '#4c6ef5'
        launcher.style.background = state.color
        root.querySelector('header').style.background = state.color
        root.querySelector('button.send').style.background = state.color
        root.querySelector('.title').textContent = settings.name || 'Chat'
        greet(settings.greeting || 'Hello! How can we help?')
        history.messages.forEach(show)
        listen()
        emit('ready', {})
      })
  }

  function setOpen(open) {
    state.open = open
    panel.hidden = !open
    launcher.setAttribute('aria-expanded', String(open))
    launcher.textContent = open ? 'Close chat' : 'Chat with us'
    if (open) input.focus()
    emit(open ? 'open' : 'close', {})
  }

  launcher.addEventListener('click', function () { setOpen(!state.open) })
  root.querySelector('.close').addEventListener('click', function () { setOpen(false); launcher.focus() })
  panel.addEventListener('keydown', function (event) { if (event.key === 'Escape') { setOpen(false); launcher.focus() } })
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); root.querySelector('form').requestSubmit() }
  })
  root.querySelector('form').addEventListener('submit', function (event) {
    event.preventDefault()
    var body = input.value.trim()
    if (!body) return
    errorBox.textContent = ''
    call('POST', '/messages', { body: body })
      .then(function (result) { input.value = ''; show(result.message) })
      .catch(function (error) { errorBox.textContent = error.message })
  })

  var ready = start()
  var sdk = {
    loaded: true,
    identify: function (claim) { return ready.then(function () { return call('POST', '/identify', claim) }) },
    open: function () { setOpen(true) },
    close: function () { setOpen(false) },
    on: function (name, fn) { (listeners[name] = listeners[name] || []).push(fn) },
  }
  window.Vaultdesk = sdk
  queued.forEach(function (args) { sdk[args[0]].apply(sdk, args.slice(1)) })
  document.body.appendChild(host)
})()
