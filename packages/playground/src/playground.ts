import { canonicalJson, signVidau, vidauStringToSign } from '@signet/auth';
import { python } from '@signet/auth/python';

const field = (id: string) => document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const show = (id: string, text: string) => {
  (document.getElementById(id) as HTMLElement).textContent = text;
};

let latest = 0;

/** Recomputes on every edit; a slower, older computation never overwrites a newer one. */
async function update(): Promise<void> {
  const run = ++latest;
  const clientId = field('clientId').value;
  const authKey = field('authKey').value;
  const timestamp = Number(field('timestamp').value);
  const dialect = field('dialect').value === 'python' ? python : 'java';
  try {
    const body = canonicalJson(field('body').value, { dialect });
    const signature = await signVidau({ clientId, authKey, body, timestamp });
    if (run !== latest) return;
    show('canonical', body);
    show('stringToSign', vidauStringToSign({ clientId, body, timestamp }));
    show('signature', signature);
    show('error', '');
  } catch (error) {
    if (run !== latest) return;
    for (const id of ['canonical', 'stringToSign', 'signature']) show(id, '');
    show('error', error instanceof Error ? error.message : String(error));
  }
  document.body.dataset.state = 'ready';
}

for (const id of ['body', 'clientId', 'authKey', 'timestamp', 'dialect']) field(id).addEventListener('input', () => void update());
void update();
