'use strict';
// Shows the error only after a failed login (the server redirects to /login?error=1, or error=2 when throttled).
document.addEventListener('DOMContentLoaded', function () {
  var error = new URLSearchParams(location.search).get('error');
  if (error === '1') {
    document.getElementById('login-error').hidden = false;
  } else if (error === '2') {
    document.getElementById('login-throttled').hidden = false;
  }
  document.getElementById('user').focus();
});
