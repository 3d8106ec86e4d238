'use strict';
// Shows the error only after a failed login (the server redirects to /login?error=1).
document.addEventListener('DOMContentLoaded', function () {
  if (new URLSearchParams(location.search).get('error') === '1') {
    document.getElementById('login-error').hidden = false;
  }
  document.getElementById('user').focus();
});
