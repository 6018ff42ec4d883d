// Runs the built `signet-mock` bin for the CLI tests.
import { type ChildProcess, spawn } from 'node:child_process';

const BIN = new URL('../bin/signet-mock.js', import.meta.url).pathname;

/** The environment without PORT, so the defaults under test are the CLI's own. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { PORT: _port, ...rest } = process.env;
  return { ...rest, ...extra };
}

export interface Started {
  readonly process: ChildProcess;
  readonly url: string;
  readonly aiuta: string;
  readonly unified: string;
  readonly vidau: string;
  readonly output: () => string;
}

/** Starts the built `signet-mock` bin and reads the base URLs it prints. */
export function startCli(args: string[], extraEnv: Record<string, string> = {}): Promise<Started> {
  const started = spawn(process.execPath, [BIN, ...args], { stdio: 'pipe', env: env(extraEnv) });
  let output = '';
  return new Promise((resolve, reject) => {
    started.on('error', reject);
    started.on('exit', (code) => reject(new Error(`signet-mock exited ${code}: ${output}`)));
    started.stderr?.on('data', (data) => {
      output += data;
    });
    started.stdout?.on('data', (data) => {
      output += data;
      const url = /server on (\S+)/.exec(output)?.[1];
      const base = (label: string) => new RegExp(`${label}\\s+baseUrl (\\S+)`).exec(output)?.[1];
      const [aiuta, unified, vidau] = [base('Aiuta Digital Try-On'), base('Aiuta Unified API'), base('VidAU')];
      if (url && aiuta && unified && vidau && output.includes('Ctrl-C'))
        resolve({ process: started, url, aiuta, unified, vidau, output: () => output });
    });
  });
}

/** Runs the bin to its end: exit code and output. */
export function runCli(
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = spawn(process.execPath, [BIN, ...args], { stdio: 'pipe', env: env(extraEnv) });
  let stdout = '';
  let stderr = '';
  run.stdout.on('data', (data) => {
    stdout += data;
  });
  run.stderr.on('data', (data) => {
    stderr += data;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      run.kill('SIGKILL');
      reject(new Error(`signet-mock ${args.join(' ')} did not exit: ${stdout}${stderr}`));
    }, 10_000);
    run.on('error', reject);
    run.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
