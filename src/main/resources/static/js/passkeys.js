// Passkey ceremonies for the login page ("Sign in with a passkey") and /account/passkeys ("Add a passkey"), with
// Spring Security's endpoints. A static file, as the content security policy wants: no inline script. The CSRF token
// is read from the page's <meta name="_csrf"> and <meta name="_csrf_header">, as Spring Security's own script does.
// Every outcome ends on a page that the server writes: the flights, or the same page with a notice saying why not.
"use strict";

(function () {
  const supported = !!(window.PublicKeyCredential
    && PublicKeyCredential.parseRequestOptionsFromJSON
    && PublicKeyCredential.parseCreationOptionsFromJSON);

  function csrfHeaders() {
    const token = document.querySelector("meta[name='_csrf']");
    const header = document.querySelector("meta[name='_csrf_header']");
    const headers = { "Content-Type": "application/json", "Accept": "application/json" };
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function post(path, body) {
    return fetch(path, {
      method: "POST",
      headers: csrfHeaders(),
      credentials: "same-origin",
      redirect: "error",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  function base64url(buffer) {
    const bytes = new Uint8Array(buffer);
    let text = "";
    for (let i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // A cancelled prompt, or no passkey to offer, is a DOMException named NotAllowedError (also AbortError).
  function cancelled(error) {
    return error && (error.name === "NotAllowedError" || error.name === "AbortError");
  }

  async function signIn(button) {
    const failed = button.dataset.failedUrl;
    const cancelledUrl = button.dataset.cancelledUrl;
    let credential;
    try {
      const optionsResponse = await post(button.dataset.optionsUrl);
      if (!optionsResponse.ok) {
        window.location.assign(failed);
        return;
      }
      const options = PublicKeyCredential.parseRequestOptionsFromJSON(await optionsResponse.json());
      credential = await navigator.credentials.get({ publicKey: options });
    } catch (error) {
      window.location.assign(cancelled(error) ? cancelledUrl : failed);
      return;
    }
    const response = credential.response;
    const body = {
      id: credential.id,
      rawId: base64url(credential.rawId),
      response: {
        authenticatorData: base64url(response.authenticatorData),
        clientDataJSON: base64url(response.clientDataJSON),
        signature: base64url(response.signature),
        userHandle: response.userHandle ? base64url(response.userHandle) : undefined,
      },
      credType: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment,
    };
    try {
      const answer = await post(button.dataset.loginUrl, body);
      const result = await answer.json();
      const target = (result && typeof result.redirectUrl === "string" && result.redirectUrl.startsWith("/"))
        ? result.redirectUrl : failed;
      window.location.assign(answer.ok && result.authenticated ? target : failed);
    } catch (error) {
      window.location.assign(failed);
    }
  }

  async function register(form) {
    const label = form.querySelector("input[name='label']").value.trim();
    const done = form.dataset.doneUrl;
    const failed = form.dataset.failedUrl;
    const cancelledUrl = form.dataset.cancelledUrl;
    let credential;
    try {
      const optionsResponse = await post(form.dataset.optionsUrl);
      if (!optionsResponse.ok) {
        window.location.assign(failed);
        return;
      }
      const options = PublicKeyCredential.parseCreationOptionsFromJSON(await optionsResponse.json());
      credential = await navigator.credentials.create({ publicKey: options });
    } catch (error) {
      window.location.assign(cancelled(error) ? cancelledUrl : failed);
      return;
    }
    const response = credential.response;
    const body = {
      publicKey: {
        credential: {
          id: credential.id,
          rawId: base64url(credential.rawId),
          response: {
            attestationObject: base64url(response.attestationObject),
            clientDataJSON: base64url(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : [],
          },
          type: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment,
        },
        label: label,
      },
    };
    try {
      const answer = await post(form.dataset.registerUrl, body);
      const result = answer.ok ? await answer.json() : null;
      window.location.assign(result && result.success ? done : failed);
    } catch (error) {
      window.location.assign(failed);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    const button = document.getElementById("passkey-sign-in");
    if (button) {
      if (supported) {
        button.hidden = false;
        button.addEventListener("click", function () {
          button.disabled = true;
          signIn(button);
        });
      } else {
        const unsupported = document.getElementById("passkey-unsupported");
        if (unsupported) {
          unsupported.hidden = false;
        }
      }
    }
    const form = document.getElementById("add-passkey");
    if (form) {
      const unsupported = document.getElementById("passkey-unsupported");
      if (!supported) {
        form.querySelector("button[type='submit']").disabled = true;
        if (unsupported) {
          unsupported.hidden = false;
        }
      }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (!supported || !form.reportValidity()) {
          return;
        }
        form.querySelector("button[type='submit']").disabled = true;
        register(form);
      });
    }
  });
})();
