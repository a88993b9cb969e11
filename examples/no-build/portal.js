// Served as a file, so the page runs under `script-src 'self'`. In a real portal the provider gets
// an adapter: `provider.api = createHttpAdapter({ baseUrl: '/partner-api' })`.
import '/node_modules/partner-kit/dist/bundle.js';

const status = document.querySelector('#last-event');
const show = (text) => {
  status.textContent = text;
};

document.querySelector('#withdraw')?.addEventListener('click', () => {
  document.querySelector('withdraw-dialog').open = true;
});
document.addEventListener('withdrawal-submitted', (event) => show(`Withdrawal submitted: ${event.detail.referenceId}`));
document.addEventListener('withdrawal-cancelled', () => show('Withdrawal cancelled'));
document.addEventListener('withdraw-dialog-load-failed', (event) => show(`Load failed: ${event.detail.error.code}`));
